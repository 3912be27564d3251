"""Layer 1, pure: timing rules and their expansion, working days and the official
calendars, and the reader of Vietnamese timing phrases. No framework, no database."""
