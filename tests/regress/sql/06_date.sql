-- normalize_date: the formats customers type; impossible dates are NULL.
SET datestyle = ISO;
SET customer_clean.date_order = 'DMY';
SELECT input, customer_clean.normalize_date(input) AS date
  FROM unnest(ARRAY['1985-03-12', '1985/3/12', '1985年3月12日', '１９８５年３月１２日', '85-3-12',
                    '19850312', '12.03.1985', '12/03/1985', '13/03/1985', '03/13/1985',
                    '12 March 1985', 'March 12, 1985', '12-MAR-85', '1985-03-12T10:30:00',
                    '1985-02-29', '2000-02-29', '1985-13-01', 'yesterday', '']) AS input;
-- The order setting only breaks real ties.
SET customer_clean.date_order = 'MDY';
SELECT customer_clean.normalize_date('12/03/1985') AS mdy, customer_clean.normalize_date('13/03/1985') AS day_above_12;
RESET customer_clean.date_order;
SELECT customer_clean.normalize_date('03/04/2005', 'MDY');
SELECT customer_clean.normalize_date('11-03-12', 'YMD');
SELECT customer_clean.normalize_date('1985年3月12日');
SELECT customer_clean.normalize_date('03/04/2005', 'ISO');
SET customer_clean.date_order = 'ISO';
