-- normalize_name: Latin title case with particles and prefixes; CJK without inner spaces.
SELECT input, customer_clean.normalize_name(input) AS normalized
  FROM unnest(ARRAY['john smith', 'JOHN SMITH', 'ludwig van beethoven', 'o''brien', 'MARY-KATE O’NEIL',
                    'ronald mcdonald', 'ANGUS MACDONALD', 'antonio machado', 'jean-luc picard',
                    'josé álvarez', 'martin luther king jr', 'j.r.r. tolkien', 'Smith, John',
                    '张 伟', '欧阳　娜娜', 'Ｗｉｌｌｉａｍ Ｇａｔｅｓ', '阿卜杜•热合曼', '123', '!!!', '']) AS input;
-- name_parts: given / middle / family, whatever order the name was written in.
SELECT input, customer_clean.name_parts(input) AS parts
  FROM unnest(ARRAY['Smith, John', 'SMITH, John Paul', 'ZHANG Wei', 'Wei ZHANG', 'John Paul Smith',
                    'Ludwig van Beethoven', '张伟', '欧阳娜娜', '诸葛亮', '阿卜杜·热合曼', 'Madonna']) AS input;
SELECT customer_clean.normalize_name('ludwig VAN beethoven');
SELECT customer_clean.name_parts('ZHANG, Wei');
