package explore

// grass is the Neo4j Browser style served at /style.grass (`:style
// http://localhost:PORT/style.grass`): nodes captioned by name (a report
// by its title, evidence by its type), one colour per label, and the
// migration bookkeeping label (__KgMigration) drawn small, grey and
// without caption.
const grass = `node {
  diameter: 50px;
  color: #A5ABB6;
  border-color: #9AA1AC;
  border-width: 2px;
  text-color-internal: #FFFFFF;
  font-size: 10px;
  caption: "{name}";
}
relationship {
  color: #A5ABB6;
  shaft-width: 1px;
  font-size: 8px;
  padding: 3px;
  text-color-external: #000000;
  text-color-internal: #FFFFFF;
  caption: "<type>";
}
node.Person {
  color: #C0392B;
  border-color: #962D22;
  diameter: 55px;
  caption: "{name}";
}
node.Post {
  color: #2471A3;
  border-color: #1A5276;
  caption: "{name}";
}
node.Organization {
  color: #7D3C98;
  border-color: #5B2C6F;
  caption: "{name}";
}
node.Place {
  color: #229954;
  border-color: #196F3D;
  caption: "{name}";
}
node.Event {
  color: #D68910;
  border-color: #9C640C;
  caption: "{name}";
}
node.Report {
  color: #566573;
  border-color: #2C3E50;
  diameter: 40px;
  caption: "{title}";
}
node.Evidence {
  color: #D5D8DC;
  border-color: #ABB2B9;
  text-color-internal: #2C3E50;
  diameter: 30px;
  caption: "{type}";
}
node.__KgMigration {
  color: #F2F3F4;
  border-color: #E5E7E9;
  diameter: 10px;
  caption: "";
}
relationship.HOLDS {
  color: #2471A3;
  shaft-width: 2px;
}
relationship.MENTIONS {
  color: #D5D8DC;
  caption: "";
}
relationship.HAS_EVIDENCE {
  color: #D5D8DC;
  caption: "";
}
`
