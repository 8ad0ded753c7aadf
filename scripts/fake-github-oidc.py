"""A stand-in for GitHub Actions' OIDC token service on loopback, for scripts/test-ci-examples.sh.

It answers GET ?audience=sts.amazonaws.com with {"value": TOKEN} when the request carries
"Authorization: bearer REQUEST-TOKEN", and 403 otherwise, as the real service does.
usage: fake-github-oidc.py PORT-FILE REQUEST-TOKEN TOKEN
"""
import json
import os
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import parse_qs, urlparse

port_file, request_token, token = sys.argv[1:4]


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        query = parse_qs(urlparse(self.path).query)
        authorised = self.headers.get("Authorization") == f"bearer {request_token}"
        if not authorised or query.get("audience") != ["sts.amazonaws.com"]:
            self.send_response(403)
            self.end_headers()
            return
        body = json.dumps({"value": token}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


server = HTTPServer(("127.0.0.1", 0), Handler)
with open(port_file + ".tmp", "w") as f:
    f.write(str(server.server_port))
os.rename(port_file + ".tmp", port_file)
server.serve_forever()
