"""Runs (document, jsquery) pairs through PostgreSQL + postgrespro/jsquery via psql.

Each answer is 'true', 'false', 'null' (the query parsed to nothing), 'baddoc'
or 'error: <message> | <detail>'.
"""
import subprocess

DB = "jq"

FUNCTION = r"""
create or replace function jq_eval(doc text, q text) returns text language plpgsql as $f$
declare d text; m text; r boolean; j jsonb;
begin
  begin
    j := doc::jsonb;
  exception when others then
    return 'baddoc';
  end;
  execute format('select %L::jsonb @@ %L::jsquery', doc, q) into r;
  return coalesce(r::text, 'null');
exception when others then
  get stacked diagnostics m = message_text, d = pg_exception_detail;
  return 'error: ' || m || ' | ' || coalesce(d, '');
end $f$;
"""


def _quote(text):
    tag = "$jq$"
    n = 0
    while tag in text:
        n += 1
        tag = "$jq%d$" % n
    return tag + text + tag


def answers(pairs):
    """Returns one answer string per (doc, query) pair."""
    lines = ["\\set QUIET on", FUNCTION]
    for doc, query in pairs:
        lines.append("select '<<<' || jq_eval(%s, %s) || '>>>';" % (_quote(doc), _quote(query)))
    sql = "\n".join(lines) + "\n"
    out = subprocess.run(
        ["su", "postgres", "-c", "psql -X -q -At -d %s -v ON_ERROR_STOP=1" % DB],
        input=sql.encode(), capture_output=True, cwd="/tmp",
    )
    if out.returncode != 0:
        raise RuntimeError(out.stderr.decode())
    out = out.stdout.decode()
    results = []
    pos = 0
    while True:
        start = out.find("<<<", pos)
        if start < 0:
            break
        end = out.find(">>>", start)
        results.append(out[start + 3:end])
        pos = end + 3
    assert len(results) == len(pairs), (len(results), len(pairs), out[-500:])
    return results
