#!/usr/bin/env python3
"""A stand-in for the Commission's Safety Gate download endpoint, for tests on 127.0.0.1.

Serves, under the official paths,
  /safety-gate-alerts/api/download/weeklyReport/list/xml/en
  /safety-gate-alerts/api/download/weeklyReport/detail/xml/{id}?language=en&search=...
the list built from weekly-reports/INDEX.csv and the reports from weekly-reports/*.xml.gz
(gzip Content-Encoding when the client accepts it, plain XML otherwise).

--ids-file names a file of report ids, one per line, re-read on every list request, so a
test can publish new reports between two updates. --fail-first N answers 503 to the first N
requests for each report, to exercise retries. Prints "PORT <n>" on stdout once listening.
"""
import argparse
import csv
import gzip
import http.server
import os
import re
import sys
import threading

PREFIX = "/safety-gate-alerts/api/download/weeklyReport"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--reports", required=True, help="folder with INDEX.csv and report_*.xml.gz")
    ap.add_argument("--ids-file", required=True)
    ap.add_argument("--fail-first", type=int, default=0)
    args = ap.parse_args()

    index = {}
    with open(os.path.join(args.reports, "INDEX.csv"), newline="") as f:
        for row in csv.DictReader(f):
            index[int(row["report_id"])] = row
    failures = {}
    lock = threading.Lock()

    def listed_ids():
        with open(args.ids_file) as f:
            return [int(x) for x in f.read().split() if x.strip()]

    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, *a):
            pass

        def send(self, code, body, ctype="application/xml", encoding=None):
            self.send_response(code)
            self.send_header("Content-Type", ctype)
            if encoding:
                self.send_header("Content-Encoding", encoding)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self):
            path = self.path.split("?", 1)[0]
            if path == PREFIX + "/list/xml/en":
                parts = ['<?xml version="1.0" encoding="UTF-8"?><weeklyReports>']
                for i in listed_ids():
                    row = index.get(i, {"report_date": "01/01/2000", "report_year": "2000",
                                        "report_week": "1"})
                    d, m, y = row["report_date"].split("/")
                    url = ("https://ec.europa.eu" + PREFIX + "/detail/xml/%d?language=en"
                           "&amp;search=WEB_REPORT%%7C:%%7C%d" % (i, i))
                    parts.append(
                        "<weeklyReport><reference>%d</reference><publicationDate>%s"
                        "</publicationDate><year>%s</year><month>%d</month><day>%d</day>"
                        "<week>%s</week><URL>%s</URL></weeklyReport>"
                        % (i, row["report_date"], row["report_year"], int(m), int(d),
                           row["report_week"], url))
                parts.append("</weeklyReports>")
                self.send(200, "".join(parts).encode())
                return
            m = re.fullmatch(re.escape(PREFIX) + r"/detail/xml/(\d+)", path)
            if not m:
                self.send(404, b"not found", "text/plain")
                return
            rid = int(m.group(1))
            with lock:
                failures[rid] = failures.get(rid, 0) + 1
                attempt = failures[rid]
            if attempt <= args.fail_first:
                self.send(503, b"try again", "text/plain")
                return
            fname = os.path.join(args.reports, "report_%d.xml.gz" % rid)
            if rid not in index or not os.path.exists(fname):
                self.send(404, b"no such report", "text/plain")
                return
            with open(fname, "rb") as f:
                gz = f.read()
            if "gzip" in self.headers.get("Accept-Encoding", ""):
                self.send(200, gz, encoding="gzip")
            else:
                self.send(200, gzip.decompress(gz))

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    print("PORT %d" % server.server_address[1], flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    sys.exit(main())
