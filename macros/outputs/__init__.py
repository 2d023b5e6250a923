"""What a build writes besides the pages: open data, search indexes and the PDF."""
