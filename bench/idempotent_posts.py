#!/usr/bin/env python3
"""Posts COUNT applications through URL, each with its own Idempotency-Key, retrying one until it
is acknowledged (201) whatever happens meanwhile (a replica killed, a connection dropped, a 5xx),
as a careful client would. SIGTERM stops it once the application under way is acknowledged. Prints
the acknowledged client ids, one per line, and on standard error how many attempts failed.
Usage: bench/idempotent_posts.py URL CA_FILE TOKEN BODIES_FILE COUNT"""
import json
import signal
import ssl
import sys
import time
import urllib.error
import urllib.request
import uuid


def main(url, ca_file, token, bodies_file, count):
    context = ssl.create_default_context(cafile=ca_file)
    with open(bodies_file) as f:
        bodies = [line.strip() for line in f if line.strip()]
    failed_attempts = 0
    stopping = []
    signal.signal(signal.SIGTERM, lambda *_: stopping.append(True))
    for n in range(count):
        if stopping:
            break
        key = str(uuid.uuid4())
        body = bodies[n % len(bodies)].encode()
        for attempt in range(50):
            request = urllib.request.Request(
                url + "/api/v1/applications", data=body, method="POST",
                headers={"Content-Type": "application/json", "Authorization": "Bearer " + token,
                         "Idempotency-Key": key})
            try:
                with urllib.request.urlopen(request, context=context, timeout=10) as answer:
                    print(json.load(answer)["id"], flush=True)
                    break
            except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
                failed_attempts += 1
                time.sleep(0.1)
        else:
            sys.exit(f"application {n} was never acknowledged")
    print(f"failed attempts, retried: {failed_attempts}", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) != 6:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]))
