// Starts Swagger UI (served by the app from an installed package) on the OpenAPI document
// named by the container's data-spec: our own lines, since the pages run no inline script.
(function () {
  var container = document.getElementById("swagger-container");
  if (!container || typeof SwaggerUIBundle === "undefined") { return; }
  SwaggerUIBundle({
    url: container.getAttribute("data-spec"),
    dom_id: "#swagger-container",
    deepLinking: true,
    showExtensions: true,
    showCommonExtensions: true,
    // No badge from the public validator: nothing is fetched from elsewhere.
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset]
  });
})();
