"""The bundled sample agency site and its local server (``oit-checker demo``)."""
