"""Reading: a file, a stdin stream or an HTTP body becomes a Document (text, language, publication date, directives)."""
