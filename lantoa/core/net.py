"""Who is on the other end of a request (issue 12, item 2).

Behind `LANTOA_PROXY_COUNT` proxies of our own (nginx, docs/deploy.md), each appends the address
it received the request from to `X-Forwarded-For`, so the client is the entry that many places
from the right; whatever the client wrote further left is ignored. Without proxies the client
is `REMOTE_ADDR`. Sign-in lockout, the audit trail and rate limits all ask here.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str | None:
    remote = request.META.get("REMOTE_ADDR") or None
    count = int(getattr(settings, "LANTOA_PROXY_COUNT", 0) or 0)
    if count <= 0:
        return remote
    hops = [h.strip() for h in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    hops = [h for h in hops if h]
    if len(hops) < count:  # not through all our proxies: the nearest sender is all we know
        return remote
    candidate = hops[-count]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote
