1717430405@A3/00-23311-2C7C21F9@A3/00-23311-2C7C21F9@5D/00-23311-91E221F9@B@carol@example.net@bounce-7731@news.example.com@retail@retail-ip-03@5@10@48402@203.0.113.25@550 5.1.1 <carol@example.net>: Recipient address rejected: User unknown
1717433012@A5/00-23311-4E7C21F9@A5/00-23311-4E7C21F9@9B/00-23311-F7E221F9@B@dave@Example.ORG@bounce-7731@News.Example.com@retail@retail-ip-04@21@22@3120@198.51.100.23@552 5.2.2 Mailbox full
1717436100@A8/00-23311-7B7C21F9@A8/00-23311-7B7C21F9@9C/00-23311-08F221F9@B@gina@example.com@bounce-7731@news.example.com@retail@retail-ip-03@21@1@2988@192.0.2.80@Delivery to this recipient failed; no further detail
1718035300@A4/00-23311-3D7C21F9@A4/00-23311-3D7C21F9@81/00-23311-D5E221F9@B@erin@example.com@bounce-7731@news.example.com@retail@retail-ip-05@0@24@47980@@554 5.4.7 [internal] exceeded max time without delivery
1717430404@A2/00-23311-1B7C21F9@A2/00-23311-1B7C21F9@6E/00-23311-A2E221F9@T@bob@example.org@bounce-7731@news.example.com@retail@retail-ip-04@4@70@48190@198.51.100.7@421 4.7.0 [GL01] Message from 192.0.2.44 temporarily deferred
1717431604250731@A2/00-23311-1B7C21F9@A2/00-23311-1B7C21F9@7F/00-23311-B3E221F9@T@bob@example.org@bounce-7731@news.example.com@retail@retail-ip-04@12@20@48190@198.51.100.8@451 4.4.2 [internal] no banner
1717430530@A6/00-23311-5F7C21F9@A6/00-23311-5F7C21F9@5D/00-23311-91E221F9@B@"dan@home"@Example.net@bounce-7731@news.example.com@retail@retail-ip-03@5@10@48377@203.0.113.25@550 5.1.1 User unknown
1717430590@A7/00-23311-6A7C21F9@A7/00-23311-6A7C21F9@6E/00-23311-A2E221F9@T@frank@example.org@"ops@desk"@news.example.com@retail@retail-ip-04@5@22@51200@198.51.100.7@452 4.2.2 <frank@example.org>: mailbox over quota
1717430460@@@@M1
1717430520@@@@M

1717430405@A3/00-23311-2C7C21F9@A3/00-23311-2C7C21F9@5D/00-23311-91E221F9@B@carol@example.net@bounce-7731@news.example.com@retail@retail-ip-03@5@10
1717430405000@A3/00-23311-2C7C21F9@A3/00-23311-2C7C21F9@5D/00-23311-91E221F9@B@carol@example.net@bounce-7731@news.example.com@retail@retail-ip-03@5@10@48402@203.0.113.25@550 5.1.1 User unknown
1717430403@A1/00-23311-0B7C21F9@A1/00-23311-0B7C21F9@5D/00-23311-91E221F9@D@example.net@48874@retail@retail-ip-03@0@3.18@203.0.113.25
1717430580@A1/00-23311-0B7C21F9@@@M1
1717430405@@A3/00-23311-2C7C21F9@5D/00-23311-91E221F9@B@carol@example.net@bounce-7731@news.example.com@retail@retail-ip-03@5@10@48402@203.0.113.25@550 5.1.1 User unknown
1717430405@A3/00-23311-2C7C21F9@A3/00-23311-2C7C21F9@5D/00-23311-91E221F9@B@carol@example.net@bounce-7731@news.example.com@retail@retail-ip-03@5@10@48k@203.0.113.25@550 5.1.1 User unknown
