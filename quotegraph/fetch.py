"""Fetching web pages politely: robots.txt, one request rate per host, timeouts, retries, limits.

:class:`Fetcher` is what ``quotegraph extract https://…`` reads pages with. It behaves as a
good crawler citizen does by default:

* **robots.txt** of each host is read once a run and obeyed for the agent ``quotegraph``
  (its ``Crawl-delay`` too); a robots.txt that cannot be reached (a 5xx, a timeout) counts as
  "disallow all", one that does not exist (a 4xx) as "allow all" (RFC 9309);
* **one request rate per host**: at most ``rate`` requests a second to a host (1 by default),
  robots.txt, redirects and retries included;
* **timeouts** to connect and to read, and **retries** with exponential backoff on a 5xx, a 429
  and a timeout (urllib3's ``Retry``), never on another 4xx;
* **a size limit**: a body over ``max_bytes`` is not read further; **redirects bounded**
  (5 by default), each hop checked against robots.txt and the rate;
* **a User-Agent** naming quotegraph, its version and its home page;
* **a cache** (:mod:`quotegraph.page_cache`): a page fetched once is read from disk afterwards.

Whatever cannot be fetched raises :class:`FetchError` with a one-line reason.

>>> limiter = HostRateLimiter(clock=lambda: 0.0, sleep=[].append)
>>> limiter.wait("kiel.example", 1.0), limiter.wait("kiel.example", 1.0), limiter.wait("bonn.example", 1.0)
(0.0, 1.0, 0.0)
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import requests
from requests.adapters import HTTPAdapter
from urllib3.exceptions import (ConnectTimeoutError, HTTPError, NameResolutionError, NewConnectionError,
                                ReadTimeoutError)
from urllib3.util.retry import Retry

from quotegraph import __version__
from quotegraph.errors import FetchError
from quotegraph.page_cache import Page, PageCache, default_cache_dir

__all__ = ["FetchSettings", "Fetcher", "FetchError", "HostRateLimiter", "Page", "USER_AGENT", "USER_AGENT_ENV",
           "default_user_agent", "ACCEPTED_TYPES"]

#: The User-Agent names quotegraph and what it does; $QUOTEGRAPH_USER_AGENT replaces it, so a
#: research group can add whom a site's admin should ask (an e-mail address, a project page).
USER_AGENT = f"quotegraph/{__version__} (news quotation research; robots.txt honoured)"
USER_AGENT_ENV = "QUOTEGRAPH_USER_AGENT"


def default_user_agent() -> str:
    """``$QUOTEGRAPH_USER_AGENT`` when set, else :data:`USER_AGENT`."""
    return os.environ.get(USER_AGENT_ENV, "").strip() or USER_AGENT

#: Content types read (HTML pages; feeds and sitemaps, gzipped sitemaps); others are not downloaded.
ACCEPTED_TYPES = ("text/html", "application/xhtml+xml", "text/xml", "application/xml", "application/rss+xml",
                  "application/atom+xml", "application/rdf+xml", "application/gzip", "application/x-gzip")
_REDIRECTS = (301, 302, 303, 307, 308)
_RETRY_STATUSES = (429, 500, 502, 503, 504)
_ROBOTS_MAX_BYTES = 512 * 1024  # RFC 9309: a parser must read at least 500 KiB
_MAX_RETRY_AFTER = 120.0  # a server's Retry-After longer than this is cut to it
_CHUNK = 64 * 1024


@dataclass(frozen=True)
class FetchSettings:
    """How politely and how patiently pages are fetched (the defaults are a good citizen's).

    >>> FetchSettings().interval
    1.0
    """

    rate: float = 1.0  #: requests per second to one host
    timeout: float = 30.0  #: seconds to connect, and seconds to wait for data
    tries: int = 3  #: attempts on a 5xx, a 429 or a timeout
    backoff: float = 1.0  #: urllib3's backoff factor: the third try waits 2 × backoff s, the fourth 4 × … (the second: one interval)
    max_bytes: int = 10 * 2**20  #: a body over this is not read further
    max_redirects: int = 5
    cache: Path | None = field(default_factory=default_cache_dir)  #: None: no cache
    user_agent: str = field(default_factory=default_user_agent)

    @property
    def interval(self) -> float:
        """Seconds between two requests to one host."""
        return 1.0 / self.rate


class HostRateLimiter:
    """Spaces requests to each host by an interval, sleeping when one comes too soon.

    ``clock`` and ``sleep`` are injectable, so tests see the sleeps asked for without waiting.
    """

    def __init__(self, *, clock: Callable[[], float] = time.monotonic, sleep: Callable[[float], object] = time.sleep):
        self._clock, self._sleep = clock, sleep
        self._next: dict[str, float] = {}  # host → earliest time of its next request

    def wait(self, host: str, interval: float) -> float:
        """Wait until a request to ``host`` is due, and book the next one; returns the seconds slept."""
        now = self._clock()
        due = self._next.get(host, now)
        slept = max(0.0, due - now)
        if slept:
            self._sleep(slept)
        self._next[host] = max(now, due) + interval
        return slept

    def rest(self, host: str, interval: float) -> None:
        """A request to ``host`` has just ended: the next waits ``interval`` from now (a request
        that took long, retries included, is spaced from its end, not only from its start)."""
        self._next[host] = max(self._next.get(host, 0.0), self._clock() + interval)


class _PoliteRetry(Retry):
    """urllib3's Retry, waiting at least one host interval before any retry (urllib3 retries the
    first time at once) and at most :data:`_MAX_RETRY_AFTER` for a server's Retry-After."""

    min_backoff = 0.0

    def new(self, **kw) -> _PoliteRetry:
        retry = super().new(**kw)
        retry.min_backoff = self.min_backoff
        return retry

    def get_backoff_time(self) -> float:
        return max(self.min_backoff, super().get_backoff_time())

    def parse_retry_after(self, retry_after: str) -> float:
        return min(_MAX_RETRY_AFTER, super().parse_retry_after(retry_after))


def _session(settings: FetchSettings) -> requests.Session:
    retry = _PoliteRetry(total=settings.tries - 1, status_forcelist=_RETRY_STATUSES, backoff_factor=settings.backoff,
                         allowed_methods=frozenset({"GET"}), raise_on_status=False, redirect=False)
    retry.min_backoff = settings.interval
    session = requests.Session()
    adapter = HTTPAdapter(max_retries=retry)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    session.max_redirects = settings.max_redirects  # robots.txt follows redirects itself (RFC 9309)
    # no Accept-Language: a site that negotiates gives its default, not a translation we asked for
    session.headers.update({"User-Agent": settings.user_agent,
                            "Accept": "text/html, application/xhtml+xml, application/xml;q=0.9, */*;q=0.5"})
    return session


class Fetcher:
    """Fetches pages politely (see the module's docstring); one per run.

    Parameters
    ----------
    settings : FetchSettings
    clock, sleep : callables, optional
        The rate limiter's clock and sleep (tests inject their own).
    """

    def __init__(self, settings: FetchSettings | None = None, *, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], object] = time.sleep):
        self.settings = settings or FetchSettings()
        self.limiter = HostRateLimiter(clock=clock, sleep=sleep)
        self.cache = PageCache(self.settings.cache) if self.settings.cache is not None else None
        self._session = _session(self.settings)
        self._robots: dict[str, RobotFileParser | str] = {}  # origin → its rules, or why it has none

    def close(self) -> None:
        self._session.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def fetch(self, url: str, *, reuse: Callable[[Page], bool] = lambda page: True) -> Page:
        """The page at ``url`` (after redirects), from the cache if it is there and ``reuse`` takes it.

        Raises
        ------
        FetchError
            With the reason: robots.txt disallows it, an HTTP error, a timeout after the tries,
            too large, too many redirects, not HTML or XML, or the host cannot be reached.
        """
        if self.cache is not None:
            cached = self.cache.get(url)
            if cached is not None and reuse(cached):
                return cached
        page = self._fetch(url)
        if self.cache is not None:
            self.cache.put(page)
        return page

    def _fetch(self, url: str) -> Page:
        current = url
        for _ in range(self.settings.max_redirects + 1):
            response = self._get(current, url)
            if response.status_code not in _REDIRECTS or "location" not in response.headers:
                return self._page(url, current, response)
            response.close()
            current = urljoin(current, response.headers["location"])
            if urlsplit(current).scheme not in ("http", "https"):
                raise FetchError(url, f"redirected to a URL that is not http(s): {current}")
        raise FetchError(url, f"too many redirects (more than {self.settings.max_redirects})")

    def _get(self, url: str, asked: str) -> requests.Response:
        """One request, after robots.txt and the host's rate allow it; retried by the session."""
        rules = self._rules(url, asked)
        delay = rules.crawl_delay(self.settings.user_agent) if isinstance(rules, RobotFileParser) else None
        host, interval = urlsplit(url).netloc, max(self.settings.interval, float(delay or 0))
        self.limiter.wait(host, interval)
        try:
            return self._session.get(url, timeout=self.settings.timeout, stream=True, allow_redirects=False)
        except requests.RequestException as exc:
            raise FetchError(asked, self._failure(exc)) from None
        finally:
            self.limiter.rest(host, interval)

    def _page(self, asked: str, url: str, response: requests.Response) -> Page:
        with response:
            tries = len(response.raw.retries.history) + 1 if getattr(response.raw, "retries", None) else 1
            after = f" after {tries} tries" if tries > 1 else ""
            if response.status_code != 200:
                raise FetchError(asked, f"HTTP {response.status_code}{after}")
            content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
            if content_type and not content_type.startswith(ACCEPTED_TYPES):
                raise FetchError(asked, f"not HTML ({content_type})")
            length = response.headers.get("content-length", "")
            if length.isdigit() and int(length) > self.settings.max_bytes:
                raise FetchError(asked, f"larger than {_megabytes(self.settings.max_bytes)}")
            body = bytearray()
            try:
                for chunk in response.iter_content(_CHUNK):
                    body += chunk
                    if len(body) > self.settings.max_bytes:
                        raise FetchError(asked, f"larger than {_megabytes(self.settings.max_bytes)}")
            except requests.RequestException as exc:
                raise FetchError(asked, f"{self._failure(exc)} (while reading the page)") from None
        return Page(url=asked, final_url=url, status=200, content_type=response.headers.get("content-type", ""),
                    body=bytes(body), fetched=datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"))

    def _failure(self, exc: Exception) -> str:
        """A request's failure in a few words.

        >>> Fetcher(FetchSettings(cache=None))._failure(requests.ReadTimeout())
        'timed out after 3 tries of 30 s'
        """
        reason = getattr(exc.args[0], "reason", None) if exc.args else None
        tries = f" after {self.settings.tries} tries" if self.settings.tries > 1 else ""
        if isinstance(exc, requests.TooManyRedirects):
            return f"too many redirects (more than {self.settings.max_redirects})"
        if isinstance(reason, NameResolutionError):
            return "host not found"
        if isinstance(reason, NewConnectionError):  # refused: urllib3 makes it a kind of connect timeout
            return f"cannot connect{tries}"
        if isinstance(exc, requests.Timeout) or isinstance(reason, (ConnectTimeoutError, ReadTimeoutError)):
            return f"timed out{tries} of {self.settings.timeout:g} s"
        if isinstance(exc, requests.exceptions.SSLError):
            return "TLS error (the certificate or the connection's encryption)"
        if isinstance(exc, requests.ConnectionError):
            return f"cannot connect{tries}"
        return f"request failed ({type(exc).__name__})"

    def _rules(self, url: str, asked: str) -> RobotFileParser | str:
        """The robots.txt rules of ``url``'s host; raises :class:`FetchError` if they disallow it."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            self._robots[origin] = self._read_robots(origin)
        rules = self._robots[origin]
        if isinstance(rules, str):
            raise FetchError(asked, rules)
        if not rules.can_fetch(self.settings.user_agent, url):
            raise FetchError(asked, "robots.txt disallows it" + ("" if url == asked else f" (redirected to {url})"))
        return rules

    def _read_robots(self, origin: str) -> RobotFileParser | str:
        """A host's robots.txt rules, or why the host is not fetched from at all."""
        rules = RobotFileParser(origin + "/robots.txt")
        host = urlsplit(origin).netloc
        self.limiter.wait(host, self.settings.interval)
        try:
            with self._session.get(rules.url, timeout=self.settings.timeout, stream=True) as response:
                status = response.status_code
                text = response.raw.read(_ROBOTS_MAX_BYTES, decode_content=True) if status == 200 else b""
        except (requests.RequestException, OSError, HTTPError) as exc:  # a host that cannot be reached at all
            return f"{self._failure(exc)} (asking for robots.txt)"
        finally:
            self.limiter.rest(host, self.settings.interval)
        if status >= 500:  # RFC 9309: robots.txt unreachable, so everything is disallowed
            return f"robots.txt answers HTTP {status}: nothing is fetched from the host"
        rules.parse(text.decode("utf-8", errors="replace").splitlines() if status == 200 else [])
        return rules


def _megabytes(n: int) -> str:
    """
    >>> _megabytes(10 * 2**20), _megabytes(1500)
    ('10 MB', '0.0014 MB')
    """
    return f"{n / 2**20:.2g} MB"
