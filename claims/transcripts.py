"""Transcripts and statements: what a source really said, read into turns
(speaker, words, time) so quotations can be checked against them.

Plain text is one turn, or `SPEAKER: words` turns; WebVTT and SRT subtitles
are read with webvtt-py and pysrt (never a hand-written parser), the speaker
taken from a WebVTT voice tag (`<v Ann Lee>`) or a `SPEAKER:` prefix in the
cue, consecutive cues of one speaker joined into one turn that keeps every
cue's time.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from claims.errors import ClaimsError
from claims.storage.db import now, write
from claims.storage.linker import key

FORMATS = ("auto", "text", "vtt", "srt")
SPEAKER_FORMATS = ("colon", "voice", "none")
# "ANN LEE:", "Mayor Lee:", "Q:" — a label of at most five words, each starting with a capital or digit
SPEAKER_LINE = re.compile(r"^\s*((?:[A-Z0-9][\w.'’-]*)(?:\s+[A-Z0-9][\w.'’-]*){0,4})\s*:\s+(.*)$")


@dataclass
class Turn:
    speaker: str | None
    text: str = ""
    start_ms: int | None = None
    end_ms: int | None = None
    cues: list[tuple[int, int]] = field(default_factory=list)  # (offset in text, start ms) of each subtitle cue

    def add(self, words: str, start_ms: int | None = None, end_ms: int | None = None) -> None:
        if self.text:
            self.text += " "
        if start_ms is not None:
            self.cues.append((len(self.text), start_ms))
            self.start_ms = start_ms if self.start_ms is None else self.start_ms
            self.end_ms = end_ms
        self.text += words.strip()


def _split_speaker(line: str, speaker_format: str) -> tuple[str | None, str]:
    if speaker_format == "colon":
        m = SPEAKER_LINE.match(line)
        if m:
            return m.group(1).strip(), m.group(2)
    return None, line


def parse_text(text: str, speaker_format: str, speaker: str | None) -> list[Turn]:
    """Plain text: one turn by `speaker`, or a new turn at each `SPEAKER:` line."""
    if speaker_format != "colon":
        body = " ".join(text.split())
        return [Turn(speaker, body)] if body else []
    turns: list[Turn] = []
    for line in text.splitlines():
        if not line.strip():
            continue
        who, words = _split_speaker(line, speaker_format)
        if who is not None or not turns:
            turns.append(Turn(who or speaker))
        turns[-1].add(words)
    return [t for t in turns if t.text]


def _cue_turns(cues: list[tuple[int, int, str, str | None]], speaker_format: str, speaker: str | None) -> list[Turn]:
    """Subtitle cues (start ms, end ms, text, voice) joined into turns."""
    turns: list[Turn] = []
    current = speaker
    for start, end, text, voice in cues:
        text = " ".join(re.sub(r"<[^>]+>", " ", text).split())
        who = None
        if speaker_format == "voice" and voice:
            who = voice.strip()
        elif speaker_format == "colon":
            who, text = _split_speaker(text, "colon")
        if who is not None:
            current = who
        if not text:
            continue
        if not turns or who is not None and who != turns[-1].speaker or current != turns[-1].speaker:
            turns.append(Turn(current))
        turns[-1].add(text, start, end)
    return turns


def parse(data: str, fmt: str, speaker_format: str, speaker: str | None, label: str) -> list[Turn]:
    """The turns of a transcript, by format."""
    if fmt == "vtt":
        import webvtt

        try:
            vtt = webvtt.from_string(data)
        except Exception as exc:  # the library's own errors name the line
            raise ClaimsError(
                f"{label}: not WebVTT ({str(exc).splitlines()[0] if str(exc) else type(exc).__name__})"
            ) from None
        cues = [(_vtt_ms(c, "start"), _vtt_ms(c, "end"), c.text, c.voice) for c in vtt]
        return _cue_turns(cues, speaker_format, speaker)
    if fmt == "srt":
        import pysrt

        try:
            subs = pysrt.from_string(data, error_handling=pysrt.ERROR_RAISE)
        except Exception as exc:
            raise ClaimsError(f"{label}: not SRT subtitles ({type(exc).__name__})") from None
        cues = [(s.start.ordinal, s.end.ordinal, s.text, None) for s in subs]
        return _cue_turns(cues, speaker_format, speaker)
    return parse_text(data, speaker_format, speaker)


def _vtt_ms(caption, which: str) -> int:
    """A cue time in milliseconds (webvtt-py 0.5 has no Timestamp; its *_in_seconds drops the fraction in 0.6)."""
    stamp = getattr(caption, f"{which}_time", None)
    if stamp is not None and hasattr(stamp, "in_milliseconds"):
        return int(stamp.in_milliseconds())
    return int(round(getattr(caption, f"{which}_in_seconds") * 1000))


def detect(path: str, fmt: str) -> str:
    if fmt != "auto":
        return fmt
    suffix = Path(path).suffix.lower()
    return {".vtt": "vtt", ".srt": "srt"}.get(suffix, "text")


@dataclass
class AddedTranscript:
    status: str  # added | skipped
    transcript_id: int
    turns: int = 0
    speakers: list[str] = field(default_factory=list)


def add(
    db: Database,
    path: str,
    fmt: str = "auto",
    speaker_format: str = "colon",
    speaker: str | None = None,
    title: str | None = None,
    recorded: str | None = None,
) -> AddedTranscript:
    """Read and store one transcript in one transaction; the same text (and reading) twice is stored once."""
    from claims.reading import decode, read_bytes

    if fmt not in FORMATS:
        raise ClaimsError(f"--format must be one of {', '.join(FORMATS)}")
    if speaker_format not in SPEAKER_FORMATS:
        raise ClaimsError(f"--speaker-format must be one of {', '.join(SPEAKER_FORMATS)}")
    if speaker_format == "none" and not (speaker and speaker.strip()):
        raise ClaimsError("--speaker-format none needs --speaker NAME (whose words these are)")
    raw, label = read_bytes(path)
    data = decode(raw, label).lstrip("\ufeff")
    kind = detect(path, fmt)
    turns = parse(data, kind, speaker_format, speaker, label)
    if not turns:
        raise ClaimsError(f"{label}: no words in this transcript")
    digest = hashlib.sha256(f"{kind}\0{speaker_format}\0{speaker or ''}\0{data}".encode()).hexdigest()
    with write(db):
        row = db.execute("SELECT id, turns FROM transcripts WHERE content_hash = ?", [digest]).fetchone()
        if row:
            return AddedTranscript("skipped", row[0], row[1])
        tid = db.execute(
            """INSERT INTO transcripts (title, path, format, speaker_format, recorded, added_at, content_hash, turns, words)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            [
                title or Path(path).stem,
                label,
                kind,
                speaker_format,
                recorded,
                now(),
                digest,
                len(turns),
                sum(len(t.text.split()) for t in turns),
            ],
        ).lastrowid
        db.conn.executemany(
            """INSERT INTO transcript_turns (transcript_id, seq, speaker, speaker_key, start_ms, end_ms, text, cues)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
            [
                (
                    tid,
                    n,
                    t.speaker,
                    key(t.speaker) if t.speaker else None,
                    t.start_ms,
                    t.end_ms,
                    t.text,
                    json.dumps(t.cues) if t.cues else None,
                )
                for n, t in enumerate(turns, 1)
            ],
        )
    return AddedTranscript("added", tid, len(turns), sorted({t.speaker for t in turns if t.speaker}))


def timestamp(ms: int | None) -> str:
    """12:03.4 or 1:02:03 for a reader."""
    if ms is None:
        return ""
    s, ms = divmod(ms, 1000)
    h, s = divmod(s, 3600)
    m, s = divmod(s, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}.{ms // 100}"
