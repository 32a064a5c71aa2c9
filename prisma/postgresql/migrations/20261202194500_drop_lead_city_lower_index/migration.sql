-- Lead_match_market_idx (match_covering_indexes) starts with lower("city"): this one only cost every lead write.
DROP INDEX "Lead_city_lower_idx";
