#!/usr/bin/env python3
"""Answers "what would botocore send?" for the Swift cross-check suite.

Reads one JSON request (or a list of them) on stdin and writes one JSON answer (or a list, in
the same order) on stdout. Nothing goes on the network: a `before-send` handler captures the
prepared request and returns a canned response. Signing time is frozen to the instant given.

Request:
  {"action": "call", "service": "sts", "operation": "AssumeRole", "params": "{...}" or {...},
   "region": "eu-west-1", "epochSeconds": 1795953600,
   "credentials": {"accessKeyId": "...", "secretAccessKey": "...", "sessionToken": null},
   "ours": {"method": "POST", "url": "https://...", "headers": [["Host", "..."]], "bodyBase64": "..."}}
  {"action": "sign", "request": {...as "ours"...}, "credentials": {...}, "signingName": "athena",
   "signingRegion": "eu-west-1", "epochSeconds": 1795953600}
  {"action": "endpoint", "service": "athena", "region": "eu-west-1"}

Answer for "call":
  {"botocoreVersion": "...",
   "botocore": {"method", "url", "headers", "bodyBase64", "signing": null | {
                "signingName", "signingRegion", "canonicalRequest", "stringToSign", "authorization"}},
   "botocoreWithoutSDKHeaders": null | {"canonicalRequest", "stringToSign", "authorization"},
   "oursResigned": null | {"canonicalRequest", "stringToSign", "authorization"}}
  where "botocoreWithoutSDKHeaders" is botocore's own request re-signed by botocore after
  dropping the headers only an SDK sends (SDK_ONLY_HEADERS), and "oursResigned" is the caller's
  request re-signed by botocore's SigV4Auth with the same name, region, keys and time.
Answer for "sign": {"canonicalRequest", "stringToSign", "authorization", "signingName", "signingRegion"}
Answer for "endpoint": {"botocoreVersion": "...", "endpointUrl": "https://..."}
A request that fails is answered with {"error": "..."}; a missing botocore exits with status 3.
"""

import base64
import datetime
import json
import sys
from unittest import mock

try:
    import botocore
    import botocore.auth
    import botocore.awsrequest
    import botocore.credentials
    import botocore.session
except ImportError as missing:  # the Swift side turns this into "run `make test`"
    json.dump({"error": f"botocore is not installed for {sys.executable} ({missing})"}, sys.stdout)
    sys.exit(3)

# Headers botocore adds to every request that carry SDK retry bookkeeping, not request content.
# botocore 1.43 adds them after signing (they are not in SignedHeaders); dropping them before
# re-signing keeps the comparison fair should a release start signing them.
SDK_ONLY_HEADERS = ("amz-sdk-invocation-id", "amz-sdk-request")


class _Raw:
    """The raw stream of the canned response."""

    def __init__(self, body):
        self._body = body

    def stream(self, **_):
        yield self._body


def _canned_body(service_model, operation):
    protocol = service_model.metadata["protocol"]
    if protocol == "query":
        return f"<{operation}Response><{operation}Result></{operation}Result></{operation}Response>".encode()
    return b"{}"


def _frozen(epoch_seconds):
    """Freezes the clock botocore's signer reads. Recent botocore calls
    `botocore.auth.get_current_datetime()`; older releases call `datetime.datetime.utcnow()`."""
    instant = datetime.datetime.fromtimestamp(epoch_seconds, datetime.timezone.utc).replace(tzinfo=None)
    if hasattr(botocore.auth, "get_current_datetime"):
        return mock.patch.object(botocore.auth, "get_current_datetime", lambda *_, **__: instant)
    clock = mock.MagicMock(wraps=datetime)
    clock.datetime.utcnow.return_value = instant
    clock.datetime.strptime = datetime.datetime.strptime
    return mock.patch.object(botocore.auth, "datetime", clock)


_ORIGINAL_ADD_AUTH = botocore.auth.SigV4Auth.add_auth


def _signed_steps(signer, request):
    """Runs botocore's own `SigV4Auth.add_auth` on `request`, recording each step."""
    steps = {}
    canonical_request, string_to_sign = signer.canonical_request, signer.string_to_sign

    def recording_canonical_request(req):
        steps["canonicalRequest"] = canonical_request(req)
        return steps["canonicalRequest"]

    def recording_string_to_sign(req, canonical):
        steps["stringToSign"] = string_to_sign(req, canonical)
        return steps["stringToSign"]

    signer.canonical_request, signer.string_to_sign = recording_canonical_request, recording_string_to_sign
    try:
        _ORIGINAL_ADD_AUTH(signer, request)
    finally:
        del signer.canonical_request, signer.string_to_sign
    steps.update(signingName=signer._service_name, signingRegion=signer._region_name,
                 authorization=request.headers["Authorization"])
    return steps


def _credentials(doc):
    return botocore.credentials.Credentials(doc["accessKeyId"], doc["secretAccessKey"], doc.get("sessionToken"))


def _sign(request, credentials, signing_name, signing_region):
    return _signed_steps(botocore.auth.SigV4Auth(credentials, signing_name, signing_region), request)


def _request(method, url, headers, body):
    request = botocore.awsrequest.AWSRequest(method=method, url=url, data=body)
    for name, value in headers:
        request.headers[name] = value
    return request


def _from_wire(doc):
    """An unsigned AWSRequest from the caller's {"method", "url", "headers", "bodyBase64"}."""
    headers = [(k, v) for k, v in doc["headers"] if k.lower() != "authorization"]
    return _request(doc["method"], doc["url"], headers, base64.b64decode(doc["bodyBase64"]))


def _body_bytes(body):
    if body is None:
        return b""
    if isinstance(body, str):
        return body.encode("utf-8")
    if hasattr(body, "read"):
        return body.read()
    return bytes(body)


def _params(job):
    """The operation's parameters: a JSON object, or JSON text (which keeps the member order)."""
    params = job.get("params") or {}
    return json.loads(params) if isinstance(params, str) else params


def call(job):
    session = botocore.session.get_session()
    credentials = job["credentials"]
    client = session.create_client(
        job["service"], region_name=job["region"],
        aws_access_key_id=credentials["accessKeyId"],
        aws_secret_access_key=credentials["secretAccessKey"],
        aws_session_token=credentials.get("sessionToken"))
    captured = {}
    signings = []

    def recording_add_auth(signer, request):
        signings.append(_signed_steps(signer, request))

    def before_send(request, **_):
        captured.update(method=request.method, url=request.url,
                        headers=[[k, v.decode() if isinstance(v, bytes) else v] for k, v in request.headers.items()],
                        body=_body_bytes(request.body))
        return botocore.awsrequest.AWSResponse(
            request.url, 200, {"Content-Type": "text/xml" if client.meta.service_model.protocol == "query"
                               else "application/json"},
            _Raw(_canned_body(client.meta.service_model, job["operation"])))

    client.meta.events.register("before-send", before_send)
    patches = [_frozen(job["epochSeconds"]), mock.patch.object(botocore.auth.SigV4Auth, "add_auth", recording_add_auth)]
    for patch in patches:
        patch.start()
    try:
        method = getattr(client, botocore.xform_name(job["operation"]))
        try:
            method(**_params(job))
        except Exception as error:  # a parser unhappy with the canned response: the request is what matters
            if not captured:
                raise
            sys.stderr.write(f"note: parsing the canned response failed after capture: {error!r}\n")

        signing = signings[-1] if signings else None
        answer = {
            "botocoreVersion": botocore.__version__,
            "botocore": {
                "method": captured["method"], "url": captured["url"], "headers": captured["headers"],
                "bodyBase64": base64.b64encode(captured["body"]).decode(), "signing": signing,
            },
            "botocoreWithoutSDKHeaders": None,
            "oursResigned": None,
        }
        if signing:
            creds = _credentials(credentials)
            # botocore's request without the SDK-only headers, as it stood before signing.
            kept = [(k, v) for k, v in captured["headers"]
                    if k.lower() not in SDK_ONLY_HEADERS + ("authorization", "x-amz-date", "x-amz-security-token",
                                                            "content-length")]
            stripped = _request(captured["method"], captured["url"], kept, captured["body"])
            answer["botocoreWithoutSDKHeaders"] = _sign(
                stripped, creds, signing["signingName"], signing["signingRegion"])
            if job.get("ours"):
                answer["oursResigned"] = _sign(
                    _from_wire(job["ours"]), creds, signing["signingName"], signing["signingRegion"])
        return answer
    finally:
        for patch in reversed(patches):
            patch.stop()


def sign(job):
    """Signs the caller's request with botocore's SigV4Auth (any Authorization it carries is replaced)."""
    with _frozen(job["epochSeconds"]):
        return _sign(_from_wire(job["request"]), _credentials(job["credentials"]), job["signingName"], job["signingRegion"])


def endpoint(job):
    session = botocore.session.get_session()
    client = session.create_client(job["service"], region_name=job["region"],
                                   aws_access_key_id="AKIDEXAMPLE", aws_secret_access_key="unused")
    return {"botocoreVersion": botocore.__version__, "endpointUrl": client.meta.endpoint_url}


def answer(job):
    try:
        return {"call": call, "sign": sign, "endpoint": endpoint}[job["action"]](job)
    except Exception as error:
        return {"error": f"{type(error).__name__}: {error}"}


def main():
    jobs = json.load(sys.stdin)
    answers = [answer(job) for job in jobs] if isinstance(jobs, list) else answer(jobs)
    json.dump(answers, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
