-- normalize_country: ISO 3166-1 alpha-2 from codes, English and Chinese names, aliases.
SELECT input, customer_clean.normalize_country(input) AS iso2
  FROM unnest(ARRAY['China', '中国', '中华人民共和国', 'PRC', 'CHN', '156', 'cn', 'USA', 'U.S.A.',
                    'United States of America', 'America', '美国', 'UK', 'Great Britain', '英国',
                    'Germany', 'Deutschland', '德国', 'South Korea', '日本', '香港', 'Atlantis', '']) AS input;
SELECT customer_clean.normalize_country('United Kingdom of Great Britain and Northern Ireland');
-- normalize_postcode: the country's standard form; NULL when it does not fit.
SELECT input, country, customer_clean.normalize_postcode(input, country) AS postcode
  FROM (VALUES ('５１８０５７', 'CN'), ('518 057', 'CN'), ('51805', 'CN'), ('94105', 'US'),
               ('94105 1234', 'US'), ('941051234', 'US'), ('9410', 'US'), ('sw1a2aa', 'GB'),
               ('SW1A 2AA', 'United Kingdom'), ('k1a0b1', 'CA'), ('1000001', 'JP'), ('53111', 'DE'),
               ('1234ab', 'NL')) AS t(input, country);
SELECT customer_clean.normalize_postcode('sw1a2aa', 'GB');
SELECT customer_clean.normalize_postcode('100000', 'Atlantis');
