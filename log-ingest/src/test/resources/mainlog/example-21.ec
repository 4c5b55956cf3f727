1064868656@00/00-25004-51B987F3@R@carol@example.com@info@shop.example.com@192.0.2.20@1201@esmtp@outbound-1
1064868657@00/00-25004-61B987F3@R@"dan@home"@Example.COM@info@shop.example.com@192.0.2.21@980@ecstream@outbound-2
1064868660@00/00-25004-51B987F3@D@example.com@1250@outbound-1@0@3.50
1064868661@00/00-25004-61B987F3@T@example.com@0@outbound-2@15@0@4.10@421 no adequate servers
1064868716@@M
1064869900@00/00-25004-61B987F3@P@example.com@31@outbound-2@5@1@1243.00@552 5.1.1 <"dan@home"@example.com>: No such account
