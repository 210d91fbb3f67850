"""The polite fetcher against a site the test starts on 127.0.0.1: robots.txt, rate, retries, limits, cache."""

import pytest

from quotegraph import __version__
from quotegraph.fetch import Fetcher, FetchError, FetchSettings, HostRateLimiter
from web_site import Route, Site, endless, fails_first, redirect, slow

pytestmark = pytest.mark.usefixtures("no_proxy")

PAGE = ("<html><head><title>Deich</title></head><body><article><p>„Der Deich hält“, sagte Deichgraf "
        "Ole Hansen am Morgen.</p></article></body></html>").encode()
ROBOTS = b"User-agent: *\nDisallow: /intern/\n"


@pytest.fixture
def site():
    routes = {
        "/robots.txt": Route(ROBOTS, "text/plain"),
        "/deich": Route(PAGE),
        "/deich2": Route(PAGE),
        "/intern/memo": Route(PAGE),
        "/slow": Route(handle=slow(2.0)),
        "/loop-a": redirect("/loop-b"),
        "/loop-b": redirect("/loop-a"),
        "/moved": redirect("/deich", 301),
        "/to-intern": redirect("/intern/memo"),
        "/huge": Route(handle=endless()),
        "/big": Route(b"<html>" + b"x" * 5000 + b"</html>"),
        "/report.pdf": Route(b"%PDF-1.4 " * 1000, "application/pdf"),
        "/flaky": Route(handle=fails_first(1, PAGE)),
        "/down": Route(b"<html>down</html>", status=503),
    }
    server = Site(routes).start()
    yield server
    server.stop()


class Clock:
    """A clock that moves only when slept on, and remembers every sleep asked for."""

    def __init__(self):
        self.now, self.sleeps = 0.0, []

    def __call__(self):
        return self.now

    def sleep(self, seconds):
        self.sleeps.append(round(seconds, 6))
        self.now += seconds


def fetcher(tmp_path, clock=None, **settings):
    values = dict(rate=1000.0, timeout=5.0, tries=3, backoff=0.0, cache=tmp_path / "cache") | settings
    clock = clock or Clock()
    return Fetcher(FetchSettings(**values), clock=clock, sleep=clock.sleep)


def reason(f, url):
    with pytest.raises(FetchError) as info:
        f.fetch(url)
    return info.value.reason


def test_a_page_is_fetched_with_a_user_agent_that_names_quotegraph(site, tmp_path, monkeypatch):
    monkeypatch.delenv("QUOTEGRAPH_USER_AGENT", raising=False)
    with fetcher(tmp_path) as f:
        page = f.fetch(site.url + "/deich")
    assert page.body == PAGE and page.final_url == site.url + "/deich" and not page.from_cache
    assert page.content_type.startswith("text/html")
    assert set(site.user_agents) == {f"quotegraph/{__version__} (news quotation research; robots.txt honoured)"}
    assert site.hits == {"/robots.txt": 1, "/deich": 1}


def test_the_user_agent_can_name_whom_to_ask(site, tmp_path, monkeypatch):
    monkeypatch.setenv("QUOTEGRAPH_USER_AGENT", "quotegraph/0.1 (+mailto:newsresearch@example.org)")
    with fetcher(tmp_path) as f:
        f.fetch(site.url + "/deich")
    assert set(site.user_agents) == {"quotegraph/0.1 (+mailto:newsresearch@example.org)"}


def test_robots_txt_is_read_once_a_host_and_obeyed(site, tmp_path):
    with fetcher(tmp_path) as f:
        assert reason(f, site.url + "/intern/memo") == "robots.txt disallows it"
        f.fetch(site.url + "/deich")
        f.fetch(site.url + "/deich2")
        # a redirect into a disallowed path is not followed
        assert reason(f, site.url + "/to-intern") == f"robots.txt disallows it (redirected to {site.url}/intern/memo)"
    assert site.hits["/robots.txt"] == 1 and "/intern/memo" not in site.hits


@pytest.mark.parametrize("robots, allowed", [
    (Route(b"", status=404), True),  # no robots.txt: everything allowed
    (Route(b"", status=503), False),  # unreachable: nothing fetched (RFC 9309)
])
def test_a_missing_robots_txt_allows_all_and_an_unreachable_one_nothing(robots, allowed, tmp_path):
    server = Site({"/robots.txt": robots, "/deich": Route(PAGE)}).start()
    try:
        with fetcher(tmp_path, tries=1) as f:
            if allowed:
                assert f.fetch(server.url + "/deich").body == PAGE
            else:
                assert reason(f, server.url + "/deich") == "robots.txt answers HTTP 503: nothing is fetched from the host"
                assert "/deich" not in server.hits
    finally:
        server.stop()


def test_a_slow_page_times_out_after_its_tries(site, tmp_path):
    with fetcher(tmp_path, timeout=0.2, tries=2) as f:
        assert reason(f, site.url + "/slow") == "timed out after 2 tries of 0.2 s"
    assert site.hits["/slow"] == 2


def test_a_redirect_loop_ends_after_the_bound(site, tmp_path):
    with fetcher(tmp_path, max_redirects=5) as f:
        assert reason(f, site.url + "/loop-a") == "too many redirects (more than 5)"
        page = f.fetch(site.url + "/moved")
    assert site.hits["/loop-a"] + site.hits["/loop-b"] == 6
    assert page.url == site.url + "/moved" and page.final_url == site.url + "/deich"


def test_a_body_over_the_limit_is_not_read_further(site, tmp_path):
    with fetcher(tmp_path, max_bytes=100_000) as f:
        assert reason(f, site.url + "/huge") == "larger than 0.095 MB"  # no Content-Length: read until over
    with fetcher(tmp_path, max_bytes=1000) as f:
        assert reason(f, site.url + "/big") == "larger than 0.00095 MB"  # by its Content-Length


def test_a_response_that_is_not_html_is_named_by_its_type(site, tmp_path):
    with fetcher(tmp_path) as f:
        assert reason(f, site.url + "/report.pdf") == "not HTML (application/pdf)"


def test_a_5xx_is_retried_and_a_4xx_is_not(site, tmp_path):
    with fetcher(tmp_path) as f:
        assert f.fetch(site.url + "/flaky").body == PAGE
        assert reason(f, site.url + "/missing") == "HTTP 404"
        assert reason(f, site.url + "/down") == "HTTP 503 after 3 tries"
    assert site.hits["/flaky"] == 2 and site.hits["/missing"] == 1 and site.hits["/down"] == 3


def test_a_cached_page_is_not_fetched_again(site, tmp_path):
    with fetcher(tmp_path) as f:
        first = f.fetch(site.url + "/moved")
    with fetcher(tmp_path) as f:  # a new run, the same cache
        again = f.fetch(site.url + "/moved")
        assert reason(f, site.url + "/missing") == "HTTP 404"  # a failure is not kept: asked again
        assert reason(f, site.url + "/missing") == "HTTP 404"
    assert again.from_cache and (again.body, again.final_url) == (first.body, first.final_url)
    assert site.hits == {"/robots.txt": 2, "/moved": 1, "/deich": 1, "/missing": 2}


def test_a_cached_page_can_be_refused_and_fetched_anew(site, tmp_path):
    with fetcher(tmp_path) as f:
        f.fetch(site.url + "/deich")
        assert not f.fetch(site.url + "/deich", reuse=lambda page: False).from_cache
    assert site.hits["/deich"] == 2


def test_requests_to_one_host_are_spaced_by_the_rate(site, tmp_path):
    clock = Clock()
    with fetcher(tmp_path, clock, rate=0.5, cache=None) as f:
        for path in ("/deich", "/deich2", "/deich"):
            f.fetch(site.url + path)
    # robots.txt at once, then each page 2 s (one request every 2 s) after the one before
    assert clock.sleeps == [2.0, 2.0, 2.0]
    assert site.hits == {"/robots.txt": 1, "/deich": 2, "/deich2": 1}


def test_hosts_have_each_their_own_rate_and_crawl_delay_is_honoured(tmp_path):
    slow_host = Site({"/robots.txt": Route(b"User-agent: quotegraph\nCrawl-delay: 5\n", "text/plain"),
                      "/a": Route(PAGE), "/b": Route(PAGE)}).start()
    other = Site({"/a": Route(PAGE)}).start()
    clock = Clock()
    try:
        with fetcher(tmp_path, clock, rate=1.0, cache=None) as f:
            f.fetch(slow_host.url + "/a")  # robots.txt at 0 s, then /a at 1 s (the rate)
            f.fetch(other.url + "/a")  # another host: robots.txt at once, its /a at 2 s
            f.fetch(slow_host.url + "/b")  # 5 s after /a, as its robots.txt asks: at 6 s
    finally:
        slow_host.stop()
        other.stop()
    assert clock.sleeps == [1.0, 1.0, 4.0]


def test_the_limiter_books_each_host_separately():
    clock = Clock()
    limiter = HostRateLimiter(clock=clock, sleep=clock.sleep)
    assert [limiter.wait(host, 2.0) for host in ("a", "b", "a", "a", "b")] == [0.0, 0.0, 2.0, 2.0, 0.0]
    clock.now += 10.0  # a request to "a" that took 10 s (retries, a slow page) …
    limiter.rest("a", 2.0)
    assert limiter.wait("a", 2.0) == 2.0  # … is followed by the interval from its end


def test_retries_back_off_exponentially_and_never_sooner_than_the_rate():
    from urllib3.exceptions import ReadTimeoutError

    from quotegraph.fetch import _session

    retry = _session(FetchSettings(rate=0.5, tries=4, backoff=1.0, cache=None)).get_adapter("http://x").max_retries
    waits = []
    for _ in range(3):
        retry = retry.increment("GET", "/slow", error=ReadTimeoutError(None, "/slow", "read timed out"))
        waits.append(retry.get_backoff_time())
    assert waits == [2.0, 2.0, 4.0]  # the host interval (2 s at 0.5 requests a second), then 2 × 1 s, 4 × 1 s
    assert retry.parse_retry_after("3600") == 120.0  # a server asking for an hour gets two minutes


def test_a_gzip_bomb_is_cut_at_the_limit(tmp_path):
    import resource
    import zlib

    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    bomb = b"".join(packer.compress(b"\0" * 2**20) for _ in range(200)) + packer.flush()  # 200 MB in 0.2 MB
    server = Site({"/bomb": Route(bomb, headers={"Content-Encoding": "gzip"})}).start()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    try:
        with fetcher(tmp_path, max_bytes=2**20) as f:
            assert reason(f, server.url + "/bomb") == "larger than 1 MB"
    finally:
        server.stop()
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - peak < 100 * 1024  # KiB: far below the 200 MB


def test_a_host_that_cannot_be_reached_is_tried_once_a_run(tmp_path):
    server = Site({}).start()
    gone = server.url
    server.stop()  # nothing listens on its port any more
    with fetcher(tmp_path) as f:
        assert reason(f, gone + "/deich") == "cannot connect after 3 tries (asking for robots.txt)"
        assert reason(f, gone + "/faehre") == "cannot connect after 3 tries (asking for robots.txt)"  # not tried again


def test_a_429_is_retried_after_the_wait_the_server_asks_for(tmp_path):
    def busy_once(handler, hits):
        if hits == 1:
            handler._send(429, "text/html", b"<html>slow down</html>", {"Retry-After": "0"})
        else:
            handler._send(200, "text/html; charset=utf-8", PAGE)

    server = Site({"/deich": Route(handle=busy_once)}).start()
    try:
        with fetcher(tmp_path) as f:
            assert f.fetch(server.url + "/deich").body == PAGE
    finally:
        server.stop()
    assert server.hits["/deich"] == 2
