-- As crm_app (SELECT, INSERT, UPDATE): writes are cleaned by the trigger; training is the owner's.
\set ECHO queries
INSERT INTO crm.customers VALUES
  (1, 'north', 'zhang wei', '138 1234 5678', 'ZW@Example.com'),
  (2, 'north', 'ZHANG WEI', '+86 138-1234-5678', 'zw@example.com'),
  (3, 'south', 'li na', '139 8765 4321', 'li.na@example'),
  (4, 'south', 'Li Na', '13987654321', 'li.na@example.com');
SELECT id, region, full_name, phone, email FROM crm.customers ORDER BY id;
SELECT customer_clean.train('crm.customers');
