-- The shared memory of a wikiwarden farm: the cross-site facts every
-- process pushes from its store's outbox, read back by the others.
CREATE SCHEMA IF NOT EXISTS wikiwarden;

-- Events (probe, spam, revert, block) of every site of every process. id
-- orders the log the processes pull; (origin, origin_seq) is the fact's id
-- across processes, so a fact pushed twice is stored once.
CREATE TABLE wikiwarden.events (
	id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	origin     uuid        NOT NULL, -- the store that recorded it
	origin_seq bigint      NOT NULL, -- its sequence in that store's outbox
	site       text        NOT NULL,
	kind       text        NOT NULL,
	ip         inet,                 -- NULL for registered users
	username   text        NOT NULL DEFAULT '',
	title      text        NOT NULL DEFAULT '',
	rev_id     bigint      NOT NULL DEFAULT 0,
	at         timestamptz NOT NULL, -- when it happened on the site
	tokens     text[]      NOT NULL DEFAULT '{}',
	domains    text[]      NOT NULL DEFAULT '{}',
	stored     timestamptz NOT NULL DEFAULT now(),
	UNIQUE (origin, origin_seq)
);
-- Range queries: ip <<= '192.0.2.0/24'.
CREATE INDEX events_ip ON wikiwarden.events USING gist (ip inet_ops);
-- Expiry, and "since" in range queries.
CREATE INDEX events_at ON wikiwarden.events (at);
CREATE INDEX events_tokens ON wikiwarden.events USING gin (tokens);

-- Domains confirmed as spam on any site; the first confirmation is kept.
CREATE TABLE wikiwarden.spam_domains (
	domain     text PRIMARY KEY,
	id         bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
	origin     uuid        NOT NULL,
	origin_seq bigint      NOT NULL,
	site       text        NOT NULL DEFAULT '',
	at         timestamptz NOT NULL
);
