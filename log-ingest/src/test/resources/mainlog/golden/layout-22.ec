1191248200@00/00-25004-31B987F3@R@alice@example.net@bounce-12@news.example.com@192.0.2.15@2048@esmtp@retail@retail-ip-01
1191248201@00/00-25004-41B987F3@R@bob@Example.ORG@bounce-12@News.Example.COM@192.0.2.16@3072@xfr@retail@retail-ip-02
1191248202@00/00-25004-51B987F3@R@"john@home"@example.net@bounce-12@news.example.com@192.0.2.15@1500@esmtp@retail@retail-ip-01
1191248202@00/00-25004-52B987F3@R@john@home@example.com@bounce-12@news.example.com@192.0.2.15@1501@esmtp@retail@retail-ip-01
1191248203500000@00/00-25004-61B987F3@R@carol@example.com@info@shop.example.com@192.0.2.20@1201@ecstream@transact@transact-ip-01
1191248203@00/00-25004-31B987F3@D@example.net@2101@retail@retail-ip-01@0@3.25@203.0.113.25
1191248206@00/00-25004-52B987F3@D@Example.COM@1560@retail@retail-ip-01@0@4.00
1191248207@00/00-25004-61B987F3@D@example.com@1260@transact@transact-ip-01@0@3.50@
1191248204@00/00-25004-41B987F3@T@example.org@0@retail@retail-ip-02@0@0@3.40@@421 4.4.0 [internal] no MXs for this domain could be reached at this time
1191248267@00/00-25004-51B987F3@T@example.net@210@retail@retail-ip-01@4@1@65.10@203.0.113.26@452 4.2.2 <"john@home"@example.net>: Mailbox full
1191249404@00/00-25004-41B987F3@P@example.org@143@retail@retail-ip-02@5@1@1203.10@198.51.100.7@550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown
1191248269@@M
1191248329000000@@M
1191248300@00/00-25004-31B987F3@X@example.net@2101@retail@retail-ip-01@0@3.25@192.0.2.31
1191248301@00/00-25004-71B987F3@Q@example.net@2101@retail@retail-ip-01@0@3.25
1191248329@00/00-25004-31B987F3@M
1191248329@@M@extra
1191248203@@D@example.net@2101@retail@retail-ip-01@0@3.25@203.0.113.25
1191248203@00/00-25004-31B987F3@D@example.net@2101@retail@retail-ip-01@0@3.25@203.0.113.25@extra
1191248203@00/00-25004-31B987F3@D@example.net@2101@retail
1191248200@00/00-25004-31B987F3@R@alice@example.net@bounce-12@news.example.com@192.0.2.15@2048@esmtp
1191248204@00/00-25004-41B987F3@T@example.org@0@retail@retail-ip-02@0@0
1191248203@00/00-25004-31B987F3@D@example.net@2101@retail@retail-ip-01@-1@3.25@203.0.113.25
1191248204@00/00-25004-41B987F3@T@example.org@0@retail@retail-ip-02@x@0@3.40@@421 4.4.0 [internal] no MXs for this domain could be reached at this time
1191248200@00/00-25004-31B987F3@R@alice@example.net@bounce-12@news.example.com@192.0.2.15@2k@esmtp@retail@retail-ip-01
119124826@@M
11912482O3@00/00-25004-31B987F3@D@example.net@2101@retail@retail-ip-01@0@3.25@203.0.113.25
1191248389@@M
