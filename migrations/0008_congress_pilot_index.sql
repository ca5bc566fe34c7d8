-- A season's pilot list was read by scanning every congress of the season (32 ms at 358.000
-- congresses, on every progress request); pilots are a handful, so a partial index finds them at once.
CREATE INDEX "congress_pilot_idx" ON "congress" USING btree ("season_id") WHERE "congress"."pilot";