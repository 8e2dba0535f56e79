-- Domains a moderator cleared: an edit linking them was restored, so they
-- no longer count as spam on any site. A clear deletes the domain from
-- spam_domains (so a process that starts reading later never learns it)
-- and is logged here, under its own ids, for the processes that learned
-- it already; a spam confirmation older than a clear of its domain is not
-- stored again.
CREATE TABLE wikiwarden.cleared_domains (
	id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	domain     text        NOT NULL,
	origin     uuid        NOT NULL,
	origin_seq bigint      NOT NULL,
	site       text        NOT NULL DEFAULT '',
	at         timestamptz NOT NULL, -- when the moderator decided
	UNIQUE (origin, origin_seq, domain)
);
CREATE INDEX cleared_domains_domain ON wikiwarden.cleared_domains (domain, at);
