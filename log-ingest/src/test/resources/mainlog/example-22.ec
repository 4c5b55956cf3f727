1191248200@00/00-25004-31B987F3@R@alice@example.net@bounce-12@news.example.com@192.0.2.15@2048@esmtp@retail@retail-ip-01
1191248201@00/00-25004-41B987F3@R@bob@Example.ORG@bounce-12@news.example.com@192.0.2.16@3072@xfr@retail@retail-ip-02
1191248203@00/00-25004-31B987F3@D@example.net@2101@retail@retail-ip-01@0@3.25@203.0.113.25
1191248204@00/00-25004-41B987F3@T@example.org@0@retail@retail-ip-02@0@0@3.40@@421 4.4.0 [internal] no MXs for this domain could be reached at this time
1191248269@@M
1191249404@00/00-25004-41B987F3@P@example.org@143@retail@retail-ip-02@5@1@1203.10@198.51.100.7@550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown
