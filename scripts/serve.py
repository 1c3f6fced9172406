#!/usr/bin/env python3
"""Serves www/ on http://127.0.0.1:PORT/ for the s117 widget (loopback only).

Usage: python3 scripts/serve.py [--port N] [--dir DIR] [--quiet]
  --port N   port to listen on (default: $PORT, else 8117); 0 picks a free port
  --dir DIR  folder to serve (default: www/ of this repository)
  --quiet    do not log each request

Prints "Serving DIR at http://127.0.0.1:PORT/" once it listens (scripts/test.sh reads that line).
.wasm is served as application/wasm so WebAssembly.instantiateStreaming works; nothing is cached.
"""

import argparse
import errno
import http.server
import os
import sys
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".json": "application/json",
        ".css": "text/css",
        ".svg": "image/svg+xml",
        ".html": "text/html; charset=utf-8",
        ".csv": "text/csv; charset=utf-8",
        ".ts": "text/plain; charset=utf-8",
    }
    quiet = False

    def end_headers(self):
        # A developer rebuilding the wasm and reloading must get the new files.
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format, *args):
        if not self.quiet:
            super().log_message(format, *args)


def main() -> int:
    parser = argparse.ArgumentParser(description="Serve www/ on 127.0.0.1.")
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT") or 8117))
    parser.add_argument("--dir", default=str(ROOT / "www"))
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args()

    directory = Path(args.dir).resolve()
    if not directory.is_dir():
        print(f"serve: {directory} is not a folder", file=sys.stderr)
        return 1
    Handler.quiet = args.quiet
    try:
        server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), partial(Handler, directory=str(directory)))
    except OSError as e:
        if e.errno == errno.EADDRINUSE:
            print(f"serve: port {args.port} on 127.0.0.1 is in use; choose another with PORT=N", file=sys.stderr)
            return 1
        raise
    server.daemon_threads = True
    host, port = server.server_address[:2]
    print(f"Serving {directory} at http://{host}:{port}/  (Ctrl-C to stop)", flush=True)
    if not (directory / "index.html").exists():
        print(f"serve: note: {directory / 'index.html'} does not exist yet", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
