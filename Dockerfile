FROM repro-audit/python-base:bookworm
RUN python3 -c "import urllib.request as u;print(u.urlopen(\"http://example.com/\").read())"
