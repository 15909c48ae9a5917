"""Reading records back: instants formatted from SQLite's stored text exactly as from datetimes."""

from datetime import UTC, datetime

from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import create_engine, select, type_coerce
from sqlalchemy.types import String

from hub.store.reads import _instant, _instant_of
from hub.store.tables import UTCDateTime


@given(st.datetimes(min_value=datetime(1970, 1, 1), max_value=datetime(9999, 12, 31), timezones=st.just(UTC)))
def test_an_instant_read_as_sqlite_text_is_written_like_the_datetime(moment):
    engine = create_engine("sqlite://")
    with engine.connect() as db:
        stored = db.execute(select(type_coerce(type_coerce(moment, UTCDateTime()), String()))).scalar_one()
        parsed = db.execute(select(type_coerce(moment, UTCDateTime()))).scalar_one()
    assert parsed == moment
    assert _instant_of(stored) == _instant(moment) == _instant_of(moment)
