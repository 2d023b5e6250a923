"""Checks that stop a build: staff content kept off the public site, safe HTML and links, readability."""
