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

package io.github.zmqspring.core;

import java.util.function.Consumer;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

/**
 * The one place that creates sockets: applies the endpoint's options, binds and connects
 * its addresses, and reports failures as {@link ZmqBindException}. Call it on the thread
 * that will own the socket.
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
public class ZmqSocketFactory {

	private final ZContext context;

	public ZmqSocketFactory(ZContext context) {
		this.context = context;
	}

	/**
	 * Return the context sockets are created in.
	 * @return the shared context
	 */
	public ZContext getContext() {
		return this.context;
	}

	/**
	 * Create a socket and attach it to the endpoint's addresses.
	 * @param type the socket type
	 * @param endpoint the endpoint
	 * @param source who owns the socket, for error messages
	 * @param onBound receives the actual address of each bind (wildcard ports resolved)
	 * @return the open socket, owned by the calling thread
	 * @throws ZmqBindException if an address cannot be bound or connected
	 */
	public ZMQ.Socket open(SocketType type, ZmqEndpoint endpoint, String source, Consumer<String> onBound) {
		return open(type, endpoint, source, onBound, (socket) -> {
		});
	}

	/**
	 * Create a socket, let the caller prepare it after the endpoint's options are
	 * applied, and attach it to the endpoint's addresses.
	 * @param type the socket type
	 * @param endpoint the endpoint
	 * @param source who owns the socket, for error messages
	 * @param onBound receives the actual address of each bind (wildcard ports resolved)
	 * @param beforeAttach called before the first bind or connect (options, event hooks)
	 * @return the open socket, owned by the calling thread
	 * @throws ZmqBindException if an address cannot be bound or connected
	 */
	public ZMQ.Socket open(SocketType type, ZmqEndpoint endpoint, String source, Consumer<String> onBound,
			Consumer<ZMQ.Socket> beforeAttach) {
		ZMQ.Socket socket = this.context.createSocket(type);
		try {
			endpoint.options().applyTo(socket, type, endpoint.connects());
			socket.setMsgAllocator(new GuardedMsgAllocator(endpoint.options().maxMessageSizeOrDefault()));
			beforeAttach.accept(socket);
			for (ZmqAddress address : endpoint.addresses()) {
				attach(socket, address, source, onBound);
			}
			return socket;
		}
		catch (RuntimeException ex) {
			socket.close();
			throw ex;
		}
	}

	private static void attach(ZMQ.Socket socket, ZmqAddress address, String source, Consumer<String> onBound) {
		try {
			if (address.bind()) {
				socket.bind(address.address());
				onBound.accept(socket.getLastEndpoint());
			}
			else {
				socket.connect(address.address());
			}
		}
		catch (ZMQException ex) {
			throw new ZmqBindException(source, address.address(), address.bind(), ex);
		}
	}

}
