1717430400@A1/00-23311-0B7C21F9@A1/00-23311-0B7C21F9@3C/00-23311-7E0C21F9@R@alice.smith@example.net@bounce-7731@news.example.com@192.0.2.15@48211@esmtp@retail@retail-ip-03
1717430401@A2/00-23311-1B7C21F9@A2/00-23311-1B7C21F9@00/00-00000-00000000@R@bob@example.org@bounce-7731@news.example.com@unknown@48190@rest@retail@retail-ip-04
1717430403@A1/00-23311-0B7C21F9@A1/00-23311-0B7C21F9@5D/00-23311-91E221F9@D@example.net@48874@retail@retail-ip-03@0@3.18@203.0.113.25
1717430404@A2/00-23311-1B7C21F9@A2/00-23311-1B7C21F9@6E/00-23311-A2E221F9@T@example.org@143@retail@retail-ip-04@4@0@2.71@198.51.100.7@421 4.7.0 [GL01] Message from 192.0.2.44 temporarily deferred
1717431604@A2/00-23311-1B7C21F9@A2/00-23311-1B7C21F9@7F/00-23311-B3E221F9@T@example.org@0@retail@retail-ip-04@0@1@1203.40@@421 4.4.0 [internal] no MXs for this domain could be reached at this time
1717434004@A2/00-23311-1B7C21F9@A2/00-23311-1B7C21F9@80/00-23311-C4E221F9@D@example.org@48812@retail@retail-ip-04@2@3603.12@198.51.100.8
1717430405@A3/00-23311-2C7C21F9@A3/00-23311-2C7C21F9@5D/00-23311-91E221F9@P@example.net@131@retail@retail-ip-03@5@0@4.02@203.0.113.25@550 5.1.1 <carol@example.net>: Recipient address rejected: User unknown
1718035300@A4/00-23311-3D7C21F9@A4/00-23311-3D7C21F9@81/00-23311-D5E221F9@P@example.com@0@retail@retail-ip-05@0@8@604810.55@@554 5.4.7 [internal] exceeded max time without delivery
1717430460@@@@M
