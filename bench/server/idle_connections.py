#!/usr/bin/env python3
"""Holds N idle keep-alive connections open to a running `eucomply serve` while wrk still
gets answers, then checks that every held connection is still open and served.

Each connection first makes one request (so it is a served keep-alive connection, not a
half-open one), then stays idle. Run through idle-connections.sh, which raises the file
descriptor limit and starts the server.
  idle_connections.py URL N WRK_SECONDS
"""
import multiprocessing as mp
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


def hold(host, port, n, ready, go, results):
    """A child process: opens and holds n connections until told to check them."""
    socks = open_connections(host, port, n)
    ready.put(len(socks))
    go.wait()
    results.put(check_still_open(socks))
    for s in socks:
        s.close()


def main():
    url, n, seconds, script = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    procs = int(sys.argv[5]) if len(sys.argv) > 5 else 2
    u = urllib.parse.urlparse(url)
    ready, results, go = mp.Queue(), mp.Queue(), mp.Event()
    t0 = time.time()
    shares = [n // procs + (1 if i < n % procs else 0) for i in range(procs)]
    children = [mp.Process(target=hold, args=(u.hostname, u.port, k, ready, go, results))
                for k in shares]
    for c in children:
        c.start()
    held = sum(ready.get() for _ in children)
    print(f"opened and served {held} keep-alive connections ({procs} client processes) in "
          f"{time.time() - t0:.1f} s; now idle")
    wrk = subprocess.run(
        ["wrk", "-t1", "-c64", f"-d{seconds}s", "--latency", "-s", script, url + "api/v1/assess"],
        capture_output=True, text=True, check=True).stdout
    rps = [l.split()[1] for l in wrk.splitlines() if l.strip().startswith("Requests/sec")]
    p99 = [l.split()[1] for l in wrk.splitlines() if l.strip().startswith("99%")]
    errors = [l.strip() for l in wrk.splitlines() if "Socket errors" in l or "Non-2xx" in l]
    print(f"while {held} connections were held idle: assess {rps[0]} req/s, p99 {p99[0]} "
          f"(wrk, 64 connections){'; ' + '; '.join(errors) if errors else ''}")
    go.set()
    ok = sum(results.get() for _ in children)
    for c in children:
        c.join()
    print(f"afterwards {ok}/{held} held connections were still open and answered")
    return 0 if ok == held == n and not errors else 1


if __name__ == "__main__":
    sys.exit(main())
