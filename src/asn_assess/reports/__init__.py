"""Views for people: Rich renderables of results and banks, built from the core's data."""
