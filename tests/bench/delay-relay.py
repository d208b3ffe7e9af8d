#!/usr/bin/env python3
# delay-relay.py — an ssh ProxyCommand that adds a one-way delay to every byte
# between ssh and HOST:PORT, for sshfs-stress.sh where `tc netem` is missing
# (a container without the sch_netem module). Latency, not throttling: each
# chunk is delivered DELAY_MS after it was read, in order, in both directions.
#
#   ssh -o ProxyCommand='python3 delay-relay.py HOST PORT DELAY_MS' …
#
# Copyright 2026 The Plaza authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import queue
import socket
import sys
import threading
import time


def pump(read, write, delay):
    q = queue.Queue()

    def reader():
        while True:
            data = read()
            q.put((time.monotonic() + delay, data))
            if not data:
                return

    threading.Thread(target=reader, daemon=True).start()
    while True:
        due, data = q.get()
        wait = due - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        if not data:
            return
        write(data)


def main():
    host, port, delay_ms = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
    delay = delay_ms / 1000.0
    sock = socket.create_connection((host, port))
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    stdin, stdout = sys.stdin.fileno(), sys.stdout.fileno()

    def to_stdout(data):
        view = memoryview(data)
        while view:
            n = os.write(stdout, view)
            view = view[n:]

    def from_stdin():
        return os.read(stdin, 65536)

    up = threading.Thread(target=pump, args=(from_stdin, sock.sendall, delay), daemon=True)
    up.start()
    pump(lambda: sock.recv(65536), to_stdout, delay)


if __name__ == "__main__":
    try:
        main()
    except (BrokenPipeError, ConnectionResetError, KeyboardInterrupt):
        pass
