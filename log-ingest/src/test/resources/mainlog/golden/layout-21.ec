1064868656@00/00-25004-51B987F3@R@carol@example.com@info@shop.example.com@192.0.2.20@1201@esmtp@outbound-1
1064868657@00/00-25004-61B987F3@R@"dan@home"@Example.COM@info@Shop.Example.COM@192.0.2.21@980@ecstream@outbound-2
1064868658@00/00-25004-71B987F3@R@dan@home@example.com@info@shop.example.com@192.0.2.21@981@esmtp@outbound-2
1064868659250000@00/00-25004-81B987F3@R@erin@example.org@info@shop.example.com@192.0.2.22@4400@esmtp@outbound-1
1064868660@00/00-25004-51B987F3@D@example.com@1250@outbound-1@0@3.50
1064875920@00/00-25004-71B987F3@D@Example.COM@1032@outbound-2@3@7262.00
1064868661@00/00-25004-61B987F3@T@example.com@0@outbound-2@15@0@4.10@421 no adequate servers
1064868665@00/00-25004-81B987F3@T@example.org@0@outbound-1@0@0@5.75@451 4.4.1 [internal] No valid hosts (unable to make any connections)
1064869261@00/00-25004-61B987F3@T@example.com@0@outbound-2@4@2@604.00@450 <dan@example.com> busy
1064869900@00/00-25004-61B987F3@P@example.com@31@outbound-2@5@3@1243.00@552 5.1.1 <"dan@home"@example.com>: No such account
1064869900123456@00/00-25004-81B987F3@P@example.org@44@outbound-1@5@1@1241@550 <erin@example.org>: unknown user <x@example.org>
1064868716@@M
1064868776000000@@M
1064868660@00/00-25004-51B987F3@D@example.com@1250@outbound-1@x@3.50
1064868660@00/00-25004-51B987F3@D@example.com@1250@outbound-1@0
1064868656@00/00-25004-51B987F3@R@carol@example.com@info@shop.example.com@192.0.2.20@1201@esmtp
1064868661@00/00-25004-61B987F3@T@example.com@0@outbound-2@15@0
1064868660@@D@example.com@1250@outbound-1@0@3.50
1064868662@00/00-25004-51B987F3@X@example.com@1250@outbound-1@0@3.50
1064868660@00/00-25004-51B987F3@D@example.com@1250@outbound-1@0@3.50@192.0.2.1@extra@extra
1064868716000@@M
1064868716@00/00-25004-51B987F3@M
