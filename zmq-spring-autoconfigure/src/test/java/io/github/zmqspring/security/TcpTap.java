/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.github.zmqspring.security;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP relay in front of a port that keeps a copy of every byte it forwards, in
 * both directions, so a test can look at what really crossed the wire.
 */
final class TcpTap implements Closeable {

	private final ServerSocket server;

	private final int targetPort;

	private final ByteArrayOutputStream seen = new ByteArrayOutputStream();

	private final List<Closeable> open = new CopyOnWriteArrayList<>();

	TcpTap(int targetPort) throws IOException {
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		this.targetPort = targetPort;
		start("tcp-tap-accept", this::accept);
	}

	/**
	 * Return the address clients connect to instead of the target.
	 * @return {@code tcp://127.0.0.1:<port>}
	 */
	String address() {
		return "tcp://127.0.0.1:" + this.server.getLocalPort();
	}

	/**
	 * Return everything forwarded so far, as ISO-8859-1 text (one char per byte).
	 * @return the bytes seen
	 */
	String seen() {
		synchronized (this.seen) {
			return this.seen.toString(StandardCharsets.ISO_8859_1);
		}
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket in = this.server.accept();
				Socket out = new Socket(InetAddress.getLoopbackAddress(), this.targetPort);
				this.open.add(in);
				this.open.add(out);
				start("tcp-tap-in", () -> pump(in, out));
				start("tcp-tap-out", () -> pump(out, in));
			}
			catch (IOException ex) {
				// closed
				return;
			}
		}
	}

	private void pump(Socket from, Socket to) {
		byte[] buffer = new byte[8192];
		try {
			InputStream input = from.getInputStream();
			OutputStream output = to.getOutputStream();
			for (int read = input.read(buffer); read >= 0; read = input.read(buffer)) {
				synchronized (this.seen) {
					this.seen.write(buffer, 0, read);
				}
				output.write(buffer, 0, read);
				output.flush();
			}
		}
		catch (IOException ex) {
			// either side closed
		}
		finally {
			closeQuietly(from);
			closeQuietly(to);
		}
	}

	private static void start(String name, Runnable task) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		thread.start();
	}

	private static void closeQuietly(Closeable closeable) {
		try {
			closeable.close();
		}
		catch (IOException ex) {
			// nothing left to do
		}
	}

	@Override
	public void close() {
		closeQuietly(this.server);
		this.open.forEach(TcpTap::closeQuietly);
	}

}
