-- One rule per term and language: a term is either kept as is everywhere (target_locale NULL)
-- or has one fixed translation per language. Duplicates made machine translation ambiguous.
DELETE FROM glossary_terms g USING glossary_terms d
  WHERE g.shop_id = d.shop_id AND lower(g.term) = lower(d.term)
    AND coalesce(g.target_locale, '') = coalesce(d.target_locale, '') AND g.id > d.id;
CREATE UNIQUE INDEX glossary_terms_rule_key ON glossary_terms (shop_id, lower(term), coalesce(target_locale, ''));
