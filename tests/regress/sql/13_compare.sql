-- Comparators: similarities in [0, 1], distances in characters (never bytes).
-- Textbook values (Winkler 1990; Wikipedia).
SELECT customer_clean.jaro('MARTHA', 'MARHTA');
SELECT customer_clean.jaro_winkler('MARTHA', 'MARHTA');
SELECT customer_clean.jaro_winkler('DIXON', 'DICKSONX'), customer_clean.jaro_winkler('DWAYNE', 'DUANE');
SELECT customer_clean.levenshtein('kitten', 'sitting');
SELECT customer_clean.levenshtein('CA', 'ABC'), customer_clean.damerau_levenshtein('CA', 'ABC');
SELECT customer_clean.levenshtein_similarity('kitten', 'sitting');
SELECT customer_clean.token_set_similarity('Smith, John', 'john SMITH'), customer_clean.token_set_similarity('John Smith', 'Mary Smith');
SELECT customer_clean.qgram_similarity('ab', 'abc'), customer_clean.qgram_similarity('abcd', 'abce', 3);
-- Every comparator on the same pairs: empty strings, CJK, accents written two
-- ways (precomposed é and e + U+0301 are the same character after NFC), emoji
-- (astral, one character each), full-width letters, a zero-width space
-- (counted: run normalize_text first to drop it), case. Zero-width spaces
-- are shown as <ZWSP> (psql 15 and 17 align them differently).
SELECT label, replace(a, U&'\200B', '<ZWSP>') AS a, b,
       round(customer_clean.jaro(a, b)::numeric, 4) AS jaro,
       round(customer_clean.jaro_winkler(a, b)::numeric, 4) AS jw,
       customer_clean.levenshtein(a, b) AS lev,
       customer_clean.damerau_levenshtein(a, b) AS dl,
       round(customer_clean.levenshtein_similarity(a, b)::numeric, 4) AS lev_sim,
       round(customer_clean.token_set_similarity(a, b)::numeric, 4) AS token_set,
       round(customer_clean.qgram_similarity(a, b)::numeric, 4) AS q2
  FROM (VALUES ('empty/empty', '', ''),
               ('empty/abc', '', 'abc'),
               ('identical', 'Zhang Wei', 'Zhang Wei'),
               ('case', 'zhang wei', 'ZHANG WEI'),
               ('transposed', 'zhang', 'zhnag'),
               ('cjk', '张伟', '张玮'),
               ('cjk address', '北京市朝阳区', '北京朝阳区'),
               ('nfc', U&'caf\00E9', U&'cafe\0301'),
               ('accent', 'José', 'Jose'),
               ('emoji', '😀😁', '😁😀'),
               ('full-width', 'ＺＨＡＮＧ', 'ZHANG'),
               ('zero-width', U&'Zh\200Bang', 'Zhang'),
               ('words', 'new york mets', 'new YORK mets vs braves')) AS t(label, a, b);
-- NULL in, NULL out (STRICT).
SELECT customer_clean.jaro(NULL, 'a') IS NULL AS jaro, customer_clean.levenshtein('a', NULL) IS NULL AS lev,
       customer_clean.qgram_similarity('a', 'b', NULL) IS NULL AS qgram, customer_clean.soundex(NULL) IS NULL AS soundex;
-- q: 1 to 32; the padded q-grams of 'ab' with q = 1 are just a, b.
SELECT customer_clean.qgram_similarity('ab', 'ba', 1) AS q1, customer_clean.qgram_similarity('ab', 'ba', 2) AS q2;
SELECT customer_clean.qgram_similarity('ab', 'ab', 0);
SELECT customer_clean.qgram_similarity('ab', 'ab', 33);
-- Hostile input. Like the normalizers, the comparators give NULL, at once,
-- for arguments longer than any customer field: the pairwise ones (q-grams
-- included) above 4096 characters per argument (characters: 4096 'é' are
-- 8192 bytes and pass), the phonetic keys and pinyin above 4096 bytes.
SELECT customer_clean.levenshtein(repeat('a', 4096), repeat('b', 4096)) AS at_the_limit;
SELECT customer_clean.levenshtein(repeat('é', 4096), 'é') AS multibyte_at_the_limit;
SELECT customer_clean.damerau_levenshtein(repeat('ab', 2048), repeat('ba', 2048)) AS dl_at_the_limit;
SELECT customer_clean.levenshtein(repeat('a', 1000000), 'b') IS NULL AS lev_one_mb,
       customer_clean.jaro_winkler(repeat('é', 4097), 'e') IS NULL AS jw_over,
       customer_clean.damerau_levenshtein(repeat('x', 1000000), repeat('y', 1000000)) IS NULL AS dl_one_mb,
       customer_clean.qgram_similarity(repeat('ab', 500000), repeat('ab', 500000), 3) IS NULL AS qgram_one_mb;
SELECT customer_clean.qgram_similarity(repeat('ab', 2048), repeat('ab', 2048), 3) AS qgram_at_the_limit;

-- Phonetic keys: American Soundex, Metaphone and Double Metaphone (codes of
-- at most 4), on the input folded to ASCII letters, Chinese read as pinyin.
SELECT customer_clean.soundex('Robert'), customer_clean.soundex('Rupert'), customer_clean.soundex('Ashcraft');
SELECT customer_clean.metaphone('Knight'), customer_clean.metaphone('Thompson');
SELECT customer_clean.double_metaphone('Schmidt');
SELECT input, customer_clean.soundex(input) AS soundex, customer_clean.metaphone(input) AS metaphone,
       customer_clean.double_metaphone(input) AS double_metaphone
  FROM unnest(ARRAY['Smith', 'Smyth', 'Catherine', 'Kathryn', 'Müller', 'Muller', 'ＭＵＬＬＥＲ', 'O''Brien',
                    'Xavier', 'Zhang', '张', 'José', U&'Jose\0301', 'Иван', '123', '', '😀']) AS input;
SELECT customer_clean.soundex(repeat('x', 1000000)) IS NULL AS soundex_one_mb,
       customer_clean.double_metaphone(repeat('hb', 500000)) IS NULL AS dm_one_mb,
       customer_clean.soundex(repeat('x', 4096)) AS soundex_at_the_limit;

-- pinyin: toneless syllables; a name gets its surname reading.
SELECT customer_clean.pinyin('张伟');
SELECT customer_clean.pinyin('单田芳');
SELECT customer_clean.pinyin('北京市朝阳区');
SELECT replace(input, U&'\200B', '<ZWSP>') AS input, customer_clean.pinyin(input) AS pinyin
  FROM unnest(ARRAY['曾国藩', '解缙', '仇英', '区志坚', '朴槿惠', '查良镛', '尉迟恭', '欧阳娜娜', '吕布',
                    '單田芳', '单田芳先生说', '张三，李四', '（张伟）', 'Road 12号', 'ＺＨＡＮＧ　Ｗｅｉ', '张David',
                    U&'张\200B伟', '😀', '', ' ']) AS input;
SELECT customer_clean.pinyin(repeat('张', 1000000)) IS NULL AS pinyin_one_mb,
       length(customer_clean.pinyin(repeat('张', 1365))) AS pinyin_at_the_limit;

-- name_similarity: order, initials, nicknames, pinyin, width and case.
SELECT customer_clean.name_similarity('张伟', 'Zhang Wei');
SELECT customer_clean.name_similarity('ZHANG, Wei', 'Wei Zhang');
SELECT customer_clean.name_similarity('J. Smith', 'John Smith');
SELECT customer_clean.name_similarity('J. Smith', 'Mary Smith');
SELECT customer_clean.name_similarity('Bill Smith', 'William Smith');
SELECT customer_clean.name_similarity('张伟', '李伟');
SELECT replace(a, U&'\200B', '<ZWSP>') AS a, b, round(customer_clean.name_similarity(a, b)::numeric, 4) AS similarity
  FROM (VALUES ('张伟', 'ZHANG, Wei'), ('张伟', 'ＺＨＡＮＧ Ｗｅｉ'), ('Wei Zhang', 'zhang wei'),
               ('王伟', '王芳'), ('张伟', '张玮'), ('王伟', 'Wang Wen'),
               ('Bob Jones', 'Robert Jones'), ('Liz Taylor', 'Elizabeth Taylor'),
               ('Peggy Olson', 'Margaret Olson'), ('Bill Smith', 'Robert Smith'),
               ('John Smith', 'Jon Smith'), ('John Smith', 'John Smyth'),
               ('John Smith', 'John Paul Smith'), ('John Smith', 'John P. Smith'),
               ('Dr. José Álvarez Jr.', 'JOSE ALVAREZ'), ('O''Brien, Mary', 'Mary OBrien'),
               ('Xiao Ming Zhang', '张小明'), ('Xiaoming Zhang', '张小明'), ('欧阳娜娜', 'Ouyang Nana'),
               ('单田芳', 'Shan Tianfang'), ('吕布', 'Lyu Bu'), ('吕布', 'Lv Bu'),
               (U&'Zh\200Bang Wei', 'Zhang Wei'), ('John Smith', 'Smith'), ('John Smith', 'Jane Doe'),
               ('John Smith', 'John Smith'), ('张伟', '张伟')) AS t(a, b);
-- Not a name (no letters, or over 4096 bytes): NULL.
SELECT customer_clean.name_similarity('', 'John') IS NULL AS empty, customer_clean.name_similarity('123', '123') IS NULL AS digits,
       customer_clean.name_similarity(repeat('a ', 500000), 'A') IS NULL AS one_mb;
-- All of them are IMMUTABLE, STRICT and PARALLEL SAFE.
SELECT p.proname, p.provolatile, p.proisstrict, p.proparallel
  FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
 WHERE n.nspname = 'customer_clean'
   AND p.proname IN ('jaro', 'jaro_winkler', 'levenshtein', 'damerau_levenshtein', 'levenshtein_similarity',
                     'token_set_similarity', 'qgram_similarity', 'soundex', 'metaphone', 'double_metaphone',
                     'pinyin', 'name_similarity')
 ORDER BY 1;
