#!/usr/bin/env bash
# Install Debian's Virtuoso for the SPARQL endpoint tests (tests/graph/test_endpoint.py), unless it
# is already there. The tests start their own server (a temporary database bound to 127.0.0.1 on
# free ports) and stop it; the Debian service itself is neither needed nor started here.
set -euo pipefail
if command -v virtuoso-t >/dev/null 2>&1 && command -v isql-vt >/dev/null 2>&1; then
    echo "virtuoso present: $(command -v virtuoso-t)"
    exit 0
fi
export DEBIAN_FRONTEND=noninteractive
# no service start inside CI containers: the package's postinst would otherwise try to run it
if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
    chmod +x /usr/sbin/policy-rc.d
    trap 'rm -f /usr/sbin/policy-rc.d' EXIT
fi
apt-get update -qq
apt-get install -y -qq virtuoso-opensource
virtuoso-t -? 2>&1 | head -1 || true
