"""The baseline of the serving benchmarks: a hello-world Flask route, served like advisor."""

from __future__ import annotations

from flask import Flask

app = Flask("hello")


@app.get("/")
def hello() -> str:
    return "Hello, world!"
