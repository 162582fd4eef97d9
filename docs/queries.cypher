// kg — ready queries for Neo4j Browser (http://localhost:7474/browser/).
// See docs/browser-guide.md. Each query starts with a "// name:" line and
// lists its parameters as ":param" lines: run those first (change the
// values), then the query. Dates are ISO strings ('2021-03-01'); a month is
// its first seven characters ('2021-03').
//
// The model in one breath (kg schema show prints all of it):
//   (:Person)-[:HOLDS]->(:Post)-[:POST_OF]->(:Organization)
//   (:Person)-[:CHAIRED|SPOKE_AT|ATTENDED]->(:Event)-[:HELD_IN]->(:Place)-[:PART_OF]->(:Place)
//   (:Event)-[:COMMENDED {honour}]->(:Person|Organization), (:Organization)-[:CONVENED]->(:Event)
// Every fact relationship has: fact (its key), reports and evidence (how
// many reports and sentences support it: the why-* queries list them),
// first_seen, last_seen (report dates); HOLDS also start/end
// (appointment/removal dates) and acting/executive (代理/代, 常务: the
// acting head holds the office itself, in a holding of its own).
// A Post is an office: key office:<gazetteer code or place>|<organ>|<title>,
// name its canonical name (武功县委常委), names every way it was written
// (中共武功县委常委, …): match a name with $post = t.name OR $post IN t.names.
// A Post also has place (the place's full name), place_code (its GB/T 2260
// code, when the gazetteer knows it: the code of a place under another
// begins with the other's), organ (党委, 政府, 人大常委会, 政协, a bureau …)
// and title (书记, 副县长 …): the roster and changes queries use them.
// A Person is a name in a context (a jurisdiction); the Person nodes kg
// takes for one human share p.identity, and SAME_PERSON {rule, reason,
// reports} joins them (the office both hold, one profile, the only official
// of the name above or below): count people with count(DISTINCT p.identity).
// A profile's attributes are Person properties (gender, ethnicity, birth,
// native_place, education, degree, party, …), each from Evidence of type
// ATTRIBUTE.
// Provenance: (:Report)-[:HAS_EVIDENCE]->(:Evidence {fact, text, start, end})
// and (:Report)-[:MENTIONS {starts, ends, texts}]->(entity); an Evidence of
// a HOLDS has tenure_start / tenure_end when its sentence appoints / removes.
// Every example value below is from samples/ (kg ingest samples/), and
// graph/docs_test.go checks each query's answer on them.


// name: who-holds
// Who holds (or held) post X, written any way the reports wrote it? One row
// per holding, earliest first; acting holdings are marked.
// :param post => '武功县副县长'
MATCH (p:Person)-[h:HOLDS]->(t:Post)
WHERE t.name = $post OR $post IN t.names
RETURN p.name AS person, p.context AS context, t.name AS post, h.acting AS acting,
       h.start AS start, h.end AS end, h.first_seen AS first_seen, h.last_seen AS last_seen,
       h.reports AS reports
ORDER BY coalesce(h.start, h.first_seen), person;


// name: find-posts
// Which posts have a name containing some text? (To find the exact post name.)
// :param text => '武功县委'
MATCH (t:Post) WHERE t.name CONTAINS $text OR any(n IN coalesce(t.names, []) WHERE n CONTAINS $text)
OPTIONAL MATCH (p:Person)-[:HOLDS]->(t)
WITH t, p ORDER BY p.name
RETURN t.name AS post, t.names AS written, count(p) AS holders, collect(p.name)[..5] AS some_holders
ORDER BY post;


// name: who-held-on
// Who held post X on day D? The holders of an office follow each other: a
// holder is in office from their start (else first_seen; a holder first
// seen in the report of their own removal, from that removal) until their
// stated end, else the next holder's start (not in offices several hold at
// once: 副…, 常委, 委员, 代表), else still, as last known. The rule of
// `kg who-holds X --on D`, which also takes a month or a year and knows a
// few more offices held by several.
// :param post => '武功县住房和城乡建设局局长'
// :param date => '2024-04-29'
MATCH (p:Person)-[h:HOLDS]->(t:Post)
WHERE t.name = $post OR $post IN t.names
WITH p, h, t, CASE WHEN h.end < coalesce(h.start, h.first_seen) THEN h.end ELSE coalesce(h.start, h.first_seen) END AS from
WITH p, h, t, from,
     COLLECT { MATCH (q:Person)-[n:HOLDS]->(t)
               WHERE q.identity <> p.identity OR n.acting <> h.acting
               WITH CASE WHEN n.end < coalesce(n.start, n.first_seen) THEN n.end ELSE coalesce(n.start, n.first_seen) END AS s
               WHERE s > from RETURN s ORDER BY s LIMIT 1 } AS next
WITH p, h, t, from,
     CASE WHEN h.end IS NOT NULL THEN h.end
          WHEN t.title STARTS WITH '副' OR t.title IN ['常委', '委员', '代表'] THEN null
          ELSE next[0] END AS until
WHERE from <= $date AND (until IS NULL OR until >= $date AND h.end IS NOT NULL OR until > $date)
RETURN p.name AS person, p.context AS context, h.acting AS acting, from, until,
       CASE WHEN h.start IS NOT NULL THEN 'stated' ELSE 'first seen' END AS from_bound,
       CASE WHEN h.end IS NOT NULL THEN 'stated' WHEN until IS NOT NULL THEN 'next holder' ELSE 'still, as last known' END AS until_bound,
       h.reports AS reports
ORDER BY from, person;


// name: roster
// Every office of place P with its holder on day D (the rule of
// who-held-on), or "vacant or unknown" when nobody is known in office then.
// P is the place's full name or its gazetteer code; for the places under
// it too, replace the first line's condition by
// t.place_code STARTS WITH $place_code. `kg roster P --on D` does the same
// (and `kg roster P` as last known, with --below), in the usual order of
// offices, and tells a vacancy from an office nobody is known to have held.
// :param place => '武功县'
// :param date => '2024-04-29'
MATCH (t:Post) WHERE t.place = $place OR t.place_code = $place
CALL (t) {
  MATCH (p:Person)-[h:HOLDS]->(t)
  WITH p, h, CASE WHEN h.end < coalesce(h.start, h.first_seen) THEN h.end ELSE coalesce(h.start, h.first_seen) END AS from
  WITH p, h, from,
       COLLECT { MATCH (:Person)-[n:HOLDS]->(t)
                 WITH CASE WHEN n.end < coalesce(n.start, n.first_seen) THEN n.end ELSE coalesce(n.start, n.first_seen) END AS s
                 WHERE s > from RETURN s ORDER BY s LIMIT 1 } AS next
  WITH p, h, from,
       CASE WHEN h.end IS NOT NULL THEN h.end
            WHEN t.title STARTS WITH '副' OR t.title IN ['常委', '委员', '代表'] THEN null
            ELSE next[0] END AS until
  WHERE from <= $date AND (until IS NULL OR until >= $date AND h.end IS NOT NULL OR until > $date)
  WITH p, h, from, until ORDER BY from, p.name
  RETURN collect({person: p.name, acting: h.acting, from: from, until: until}) AS holders
}
UNWIND CASE WHEN size(holders) = 0 THEN [null] ELSE holders END AS holder
RETURN t.name AS office, t.organ AS organ, t.title AS title,
       coalesce(holder.person, 'vacant or unknown') AS holder, holder.acting AS acting,
       holder.from AS from, holder.until AS until
ORDER BY organ, title, office, from, holder;


// name: changes
// Appointments, acting appointments and removals with a stated date in the
// offices of place P (full name or gazetteer code) from day $since to day
// $until, by date, with the reports that tell of each; vacancy is true for
// a removal after which nobody else is known in the office by $until.
// `kg changes P --from D --to D` does the same (also with months, years,
// undated appointments and removals, and --below).
// :param place => '武功县'
// :param since => '2024-04-01'
// :param until => '2024-04-30'
MATCH (p:Person)-[h:HOLDS]->(t:Post)
WHERE t.place = $place OR t.place_code = $place
UNWIND [['appointment', h.start], ['removal', h.end]] AS change
WITH p, h, t, change[0] AS kind, change[1] AS date
WHERE date >= $since AND date <= $until
RETURN date, CASE WHEN kind = 'appointment' AND h.acting THEN 'acting' ELSE kind END AS change,
       t.name AS office, p.name AS person, p.context AS context,
       kind = 'removal' AND NOT EXISTS {
         MATCH (:Person)-[n:HOLDS]->(t)
         WHERE n <> h AND coalesce(n.start, n.first_seen) <= $until AND (n.end IS NULL OR n.end > date) } AS vacancy,
       COLLECT { MATCH (ev:Evidence {fact: h.fact})
                 WHERE CASE kind WHEN 'appointment' THEN ev.tenure_start IS NOT NULL ELSE ev.tenure_end IS NOT NULL END
                 RETURN DISTINCT ev.report AS report ORDER BY report } AS reports
ORDER BY date, office, CASE change WHEN 'removal' THEN 0 ELSE 1 END, person;


// name: person-posts
// A person's career: each office held, with the stated and seen bounds
// (namesakes of different places are different Person nodes: see the
// context column; once identity resolution has run, the nodes of one
// person share p.identity). `kg person P` prints it as a table with the
// terms of each office's succession.
// :param person => '仝晓东'
MATCH (p:Person {name: $person})-[h:HOLDS]->(t:Post)
OPTIONAL MATCH (t)-[:POST_OF]->(o:Organization)
WITH p, h, t, o ORDER BY o.name
WITH p, h, t, collect(o.name) AS organizations
RETURN coalesce(p.identity, p.key) AS identity, p.context AS context, t.name AS post, organizations,
       h.acting AS acting, h.start AS start, h.end AS end, h.first_seen AS first_seen, h.last_seen AS last_seen,
       h.reports AS reports
ORDER BY identity, coalesce(h.start, h.first_seen), post;


// name: people
// How many people the graph knows, and how many Person nodes they are (one
// official in several places' reports is one person of several nodes).
MATCH (p:Person)
RETURN count(DISTINCT p.identity) AS people, count(p) AS nodes;


// name: same-person
// Why kg takes a person's nodes for one human: each join, its rule, its
// reason and the reports behind it; and the person's profile.
// :param person => '仝晓东'
MATCH (p:Person {name: $person})
OPTIONAL MATCH (p)-[s:SAME_PERSON]->(q:Person)
RETURN p.identity AS identity, p.key AS node, q.key AS joined_to, s.rule AS rule, s.reason AS reason, s.reports AS reports,
       p.gender AS gender, p.birth AS birth, p.native_place AS native_place
ORDER BY identity, node, joined_to;


// name: person-events
// A person's events: role, date, place, the reports that say so.
// :param person => '雷振邦'
MATCH (p:Person {name: $person})-[r:CHAIRED|SPOKE_AT|ATTENDED]->(e:Event)
RETURN p.context AS context, e.date AS date, type(r) AS role, e.name AS event, e.kind AS kind,
       [(e)-[:HELD_IN]->(pl:Place) | pl.name] AS places, r.reports AS reports
ORDER BY context, date, event, role;


// name: event-roles
// Who chaired, spoke at, attended event E? (E: part of the event's name.)
// :param event => '常务委员会第十九次会议'
MATCH (e:Event) WHERE e.name CONTAINS $event
MATCH (p:Person)-[r:CHAIRED|SPOKE_AT|ATTENDED]->(e)
OPTIONAL MATCH (p)-[:HOLDS]->(t:Post)
WITH e, p, r, t ORDER BY t.name
WITH e, p, r, collect(t.name) AS posts
RETURN e.name AS event, e.date AS date, type(r) AS role, p.name AS person, posts, r.reports AS reports
ORDER BY date, event,
         CASE type(r) WHEN 'CHAIRED' THEN 0 WHEN 'SPOKE_AT' THEN 1 ELSE 2 END, person;


// name: events-in-place-month
// Events in place P (or any place inside it) in a month, with who chaired.
// An event without a place counts when its jurisdiction (context) is P.
// :param place => '武功县'
// :param month => '2024-04'
MATCH (e:Event)
WHERE e.date STARTS WITH $month
  AND (e.context = $place
       OR EXISTS { (e)-[:HELD_IN]->(:Place)-[:PART_OF*0..4]->(:Place {name: $place}) })
OPTIONAL MATCH (c:Person)-[:CHAIRED]->(e)
WITH e, c ORDER BY c.name
RETURN e.date AS date, e.name AS event, e.kind AS kind,
       [(e)-[:HELD_IN]->(pl:Place) | pl.name] AS places, collect(c.name) AS chaired_by
ORDER BY date, event;


// name: why-holds
// Why does the graph say person P holds post X? Every piece of evidence:
// the report, its date, the sentence and its offsets in the raw text
// (highlight is the same span cut from the stored text).
// :param person => '仝晓东'
// :param post => '武功县副县长'
MATCH (p:Person {name: $person})-[h:HOLDS]->(t:Post)
WHERE t.name = $post OR $post IN t.names
MATCH (r:Report)-[:HAS_EVIDENCE]->(ev:Evidence {fact: h.fact})
RETURN p.key AS person, t.name AS post, r.id AS report, r.date AS date, r.title AS title,
       ev.text AS sentence, ev.start AS start, ev.end AS end,
       substring(r.text, ev.start, ev.end - ev.start) AS highlight
ORDER BY date, report, start;


// name: why-fact
// Why does the graph say any fact between two named things? (Click a
// relationship in the graph view to read its "fact"; or name the two ends.)
// :param from => '雷振邦'
// :param to => '武功县第十八届人民代表大会常务委员会第十九次会议'
MATCH (a {name: $from})-[f]-(b {name: $to})
WHERE f.fact IS NOT NULL
MATCH (r:Report)-[:HAS_EVIDENCE]->(ev:Evidence {fact: f.fact})
RETURN type(f) AS fact_type, f.fact AS fact, r.id AS report, r.date AS date,
       ev.text AS sentence, ev.start AS start, ev.end AS end, ev.derived AS derived
ORDER BY fact_type, date, report, start;


// name: seen-together
// People seen together at events: pairs sharing at least $min events.
// :param min => 2
MATCH (a:Person)-[:CHAIRED|SPOKE_AT|ATTENDED]->(e:Event)<-[:CHAIRED|SPOKE_AT|ATTENDED]-(b:Person)
WHERE a.key < b.key
WITH a, b, e ORDER BY e.date, e.name
WITH a, b, collect(DISTINCT e) AS events
WHERE size(events) >= $min
RETURN a.name AS person_a, a.context AS context_a, b.name AS person_b, b.context AS context_b,
       size(events) AS together, [e IN events | coalesce(e.date, '') + ' ' + e.name][..10] AS events
ORDER BY together DESC, person_a, person_b
LIMIT 100;


// name: seen-with
// Who was seen with person P, at which events (as a graph: switch to the
// graph view to see it).
// :param person => '雷振邦'
MATCH (p:Person {name: $person})-[r1:CHAIRED|SPOKE_AT|ATTENDED]->(e:Event)<-[r2:CHAIRED|SPOKE_AT|ATTENDED]-(other:Person)
WHERE other <> p
RETURN p, r1, e, r2, other;


// name: report-graph
// Everything one report contributed, as a graph.
// :param report => 'https://www.example.gov.cn/wugong/rdgz/202404/t20240429_55802.html'
MATCH (r:Report {id: $report})-[m:MENTIONS]->(n)
OPTIONAL MATCH (n)-[f]->(x)
WHERE EXISTS { MATCH (r)-[:HAS_EVIDENCE]->(:Evidence {fact: f.fact}) }
RETURN r, m, n, f, x;


// name: name-search
// Full-text search over the names of people, posts, organisations, places
// and events (CJK analyzer: any part of a name).
// :param text => '武功'
CALL db.index.fulltext.queryNodes('entity_name_search', $text) YIELD node, score
RETURN head(labels(node)) AS label, node.name AS name, node.key AS key, score
ORDER BY score DESC
LIMIT 25;


// name: overview
// How big is the graph?
MATCH (n)
WITH head(labels(n)) AS label, count(*) AS nodes
RETURN label, nodes
ORDER BY label;
