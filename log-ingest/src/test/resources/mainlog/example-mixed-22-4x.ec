1400000000@00/00-11111-0A000001@R@alice@example.net@news@mail.example.com@192.0.2.10@5000@esmtp@retail@retail-ip-01
1400000001@00/00-11111-0A000002@R@bob@example.org@news@mail.example.com@192.0.2.11@6000@xfr@retail@retail-ip-02
1400000005@00/00-11111-0A000001@D@example.net@5012@retail@retail-ip-01@0@5.02@203.0.113.5
1400000006@00/00-11111-0A000002@T@example.org@0@retail@retail-ip-02@0@0@5.10@@451 4.4.1 [internal] No valid hosts (unable to make any connections)
1400000060@@M
1400000100@B1/00-22222-0B000003@B1/00-22222-0B000003@C1/00-22222-0C000001@R@carol@example.com@news@mail.example.com@192.0.2.12@7000@esmtp@retail@retail-ip-03
1400000120@@@@M
1400000301@00/00-11111-0A000002@00/00-11111-0A000002@C1/00-22222-0C000002@D@example.org@6020@retail@retail-ip-02@1@300.50@198.51.100.20
1400000302@B1/00-22222-0B000003@B1/00-22222-0B000003@C1/00-22222-0C000002@P@example.com@210@retail@retail-ip-03@5@0@202.40@198.51.100.21@550 5.1.1 <carol@example.com>: Recipient address rejected: User unknown
