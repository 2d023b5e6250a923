"""The plan as a PDF for meetings (WeasyPrint): composing the document, its chapters, what it may read."""
