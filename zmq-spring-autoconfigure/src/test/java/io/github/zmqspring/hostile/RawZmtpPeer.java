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

package io.github.zmqspring.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A peer that speaks ZMTP 3.0 by hand over a plain TCP socket, so a test can send what no
 * ZeroMQ library would: a greeting and nothing else, a frame header announcing more than
 * it sends, a multipart message that never ends.
 */
final class RawZmtpPeer implements AutoCloseable {

	private final Socket socket;

	private final OutputStream out;

	private RawZmtpPeer(Socket socket) throws IOException {
		this.socket = socket;
		this.out = socket.getOutputStream();
	}

	/**
	 * Connect to a ZeroMQ address.
	 * @param address {@code tcp://host:port}
	 * @return the connected peer, nothing sent yet
	 * @throws IOException if the connection fails
	 */
	static RawZmtpPeer connect(String address) throws IOException {
		URI uri = URI.create(address);
		Socket socket = new Socket(uri.getHost(), uri.getPort());
		socket.setSoTimeout(5000);
		socket.setTcpNoDelay(true);
		return new RawZmtpPeer(socket);
	}

	/**
	 * Send the 64-byte ZMTP 3.0 greeting for the NULL mechanism.
	 * @return this peer
	 * @throws IOException if sending fails
	 */
	RawZmtpPeer greeting() throws IOException {
		return greeting("NULL");
	}

	/**
	 * Send the 64-byte ZMTP 3.0 greeting for the given mechanism, as a client.
	 * @param mechanismName {@code NULL}, {@code PLAIN} or {@code CURVE}
	 * @return this peer
	 * @throws IOException if sending fails
	 */
	RawZmtpPeer greeting(String mechanismName) throws IOException {
		ByteArrayOutputStream greeting = new ByteArrayOutputStream();
		// signature: ff, eight padding bytes (the last 01, for ZMTP 1.0 peers), 7f
		greeting.write(0xff);
		greeting.write(new byte[7]);
		greeting.write(0x01);
		greeting.write(0x7f);
		greeting.write(3);
		greeting.write(0);
		byte[] mechanism = new byte[20];
		byte[] name = mechanismName.getBytes(StandardCharsets.US_ASCII);
		System.arraycopy(name, 0, mechanism, 0, name.length);
		greeting.write(mechanism);
		greeting.write(0);
		greeting.write(new byte[31]);
		this.out.write(greeting.toByteArray());
		this.out.flush();
		return this;
	}

	/**
	 * Send the NULL mechanism's READY command with the given socket type.
	 * @param socketType for example {@code DEALER} or {@code PUSH}
	 * @return this peer
	 * @throws IOException if sending fails
	 */
	RawZmtpPeer ready(String socketType) throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(5);
		body.write("READY".getBytes(StandardCharsets.US_ASCII));
		byte[] name = "Socket-Type".getBytes(StandardCharsets.US_ASCII);
		body.write(name.length);
		body.write(name);
		byte[] value = socketType.getBytes(StandardCharsets.US_ASCII);
		body.write(new byte[] { 0, 0, 0, (byte) value.length });
		body.write(value);
		this.out.write(0x04);
		this.out.write(body.size());
		this.out.write(body.toByteArray());
		this.out.flush();
		return this;
	}

	/**
	 * Complete the handshake as a peer of the given type: greeting, then READY.
	 * @param socketType the socket type to announce
	 * @return this peer
	 * @throws IOException if sending fails
	 */
	RawZmtpPeer handshake(String socketType) throws IOException {
		greeting();
		readFully(64);
		ready(socketType);
		// like a real peer, send messages only once the other side's READY is in: JeroMQ
		// takes anything that arrives before it has sent its own READY for a second,
		// unexpected handshake command
		readCommand();
		return this;
	}

	private void readCommand() throws IOException {
		int flags = readFully(1)[0] & 0xff;
		long size;
		if ((flags & 0x02) != 0) {
			size = 0;
			for (byte b : readFully(8)) {
				size = (size << 8) | (b & 0xff);
			}
		}
		else {
			size = readFully(1)[0] & 0xff;
		}
		readFully((int) size);
	}

	private byte[] readFully(int length) throws IOException {
		byte[] bytes = this.socket.getInputStream().readNBytes(length);
		if (bytes.length < length) {
			throw new IOException("connection closed during the handshake");
		}
		return bytes;
	}

	/**
	 * Send one frame.
	 * @param body the frame
	 * @param more whether more frames of the message follow
	 * @return this peer
	 * @throws IOException if sending fails
	 */
	RawZmtpPeer frame(byte[] body, boolean more) throws IOException {
		frameHeader(body.length, more);
		this.out.write(body);
		this.out.flush();
		return this;
	}

	/**
	 * Send a frame header announcing a size, and not the frame.
	 * @param size the announced size
	 * @param more whether the frame would have the MORE flag
	 * @return this peer
	 * @throws IOException if sending fails
	 */
	RawZmtpPeer frameHeader(long size, boolean more) throws IOException {
		int flags = more ? 0x01 : 0;
		if (size > 255) {
			this.out.write(flags | 0x02);
			for (int shift = 56; shift >= 0; shift -= 8) {
				this.out.write((int) (size >>> shift) & 0xff);
			}
		}
		else {
			this.out.write(flags);
			this.out.write((int) size);
		}
		this.out.flush();
		return this;
	}

	/**
	 * Send raw bytes.
	 * @param bytes what to send
	 * @return this peer
	 * @throws IOException if sending fails
	 */
	RawZmtpPeer raw(byte[] bytes) throws IOException {
		this.out.write(bytes);
		this.out.flush();
		return this;
	}

	/**
	 * Return whether the other side closed the connection: a read sees the end of the
	 * stream (or a reset) within the socket's read timeout, after whatever it sent.
	 * @return {@code true} if the connection was closed by the peer
	 */
	boolean isClosedByPeer() {
		try {
			byte[] buffer = new byte[4096];
			while (true) {
				int read = this.socket.getInputStream().read(buffer);
				if (read < 0) {
					return true;
				}
			}
		}
		catch (java.net.SocketTimeoutException ex) {
			return false;
		}
		catch (IOException ex) {
			return true;
		}
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

}
