"""Delivery: the REST API, the Gradio chat and the server that runs both."""
