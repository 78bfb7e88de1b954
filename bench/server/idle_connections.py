#!/usr/bin/env python3
"""Holds N idle keep-alive connections open to a running `eucomply serve` while wrk still
gets answers, then checks that every held connection is still open and served.

Each connection first makes one request (so it is a served keep-alive connection, not a
half-open one), then stays idle. Run through idle-connections.sh, which raises the file
descriptor limit and starts the server.
  idle_connections.py URL N WRK_SECONDS
"""
import selectors
import socket
import subprocess
import sys
import time
import urllib.parse

REQUEST = b"GET /api/v1/health HTTP/1.1\r\nHost: bench\r\n\r\n"


def read_response(sock):
    """Reads one HTTP response with a Content-Length; returns its status code."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError("closed by the server")
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        k, _, v = line.partition(b":")
        if k.strip().lower() == b"content-length":
            length = int(v)
    while len(body) < length:
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError("closed mid-body")
        body += chunk
    return int(head.split(b" ")[1])


def open_connections(host, port, n):
    """Opens n connections in batches, each served one request, then left idle."""
    socks = []
    batch = 500
    while len(socks) < n:
        group = []
        for _ in range(min(batch, n - len(socks))):
            s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            s.settimeout(30)
            s.connect((host, port))
            group.append(s)
        for s in group:
            s.sendall(REQUEST)
        for s in group:
            if read_response(s) != 200:
                raise RuntimeError("health answered non-200")
        socks.extend(group)
    return socks


def check_still_open(socks):
    """Every held connection answers one more request."""
    ok = 0
    batch = 1000
    for i in range(0, len(socks), batch):
        group = socks[i:i + batch]
        for s in group:
            s.sendall(REQUEST)
        for s in group:
            try:
                if read_response(s) == 200:
                    ok += 1
            except (ConnectionError, OSError):
                pass
    return ok


def main():
    url, n, seconds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    u = urllib.parse.urlparse(url)
    t0 = time.time()
    socks = open_connections(u.hostname, u.port, n)
    print(f"opened and served {len(socks)} keep-alive connections in {time.time() - t0:.1f} s; "
          "now idle")
    wrk = subprocess.run(
        ["wrk", "-t1", "-c64", f"-d{seconds}s", "--latency", "-s",
         sys.argv[4], url + "api/v1/assess"],
        capture_output=True, text=True, check=True).stdout
    rps = [l.split()[1] for l in wrk.splitlines() if l.strip().startswith("Requests/sec")]
    p99 = [l.split()[1] for l in wrk.splitlines() if l.strip().startswith("99%")]
    errors = [l.strip() for l in wrk.splitlines() if "Socket errors" in l or "Non-2xx" in l]
    print(f"while {len(socks)} connections were held idle: assess {rps[0]} req/s, "
          f"p99 {p99[0]} (wrk, 64 connections){'; ' + '; '.join(errors) if errors else ''}")
    ok = check_still_open(socks)
    print(f"afterwards {ok}/{len(socks)} held connections were still open and answered")
    for s in socks:
        s.close()
    return 0 if ok == len(socks) and not errors else 1


if __name__ == "__main__":
    sys.exit(main())
