"""The CLI's advice for an OSError that ended a command: a full disk or quota takes the
index's own words (`schema.ENVIRONMENT_ERRNO`), written once (cli wrote them out again, and
for a quota differently); only a read-only disk's advice is the CLI's own (L1 item 7)."""

from __future__ import annotations

import errno

from newsreader import cli
from newsreader.search.schema import ENVIRONMENT_ERRNO


def test_a_full_disk_or_quota_is_given_the_index_advice():
    for code, reason in ((errno.ENOSPC, "No space left on device"), (errno.EDQUOT, "Disk quota exceeded")):
        said = cli._os_error_said(OSError(code, reason, "/home/u/.local/x"))
        assert said == f"{reason} (/home/u/.local/x); {ENVIRONMENT_ERRNO[code]}"


def test_a_read_only_disk_keeps_the_cli_advice():
    said = cli._os_error_said(OSError(errno.EROFS, "Read-only file system", "/home/u/.local/x"))
    assert said.endswith("set NEWSREADER_HOME to a folder on a writable disk")
