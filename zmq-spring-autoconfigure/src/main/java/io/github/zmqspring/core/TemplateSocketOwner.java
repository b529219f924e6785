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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

import io.github.zmqspring.convert.ZmqFrames;
import io.github.zmqspring.event.ZmqSocketOwner;
import io.github.zmqspring.support.LogRateLimiter;

/**
 * The single thread that owns every socket of a {@link ZmqTemplate}. Callers hand it work
 * through a queue and wake it with {@link Selector#wakeup()}; it sleeps in a selector
 * that watches the sockets' command channels, so it uses no CPU while there is nothing to
 * do and no socket is ever touched by two threads.
 * <p>
 * The thread does not use JeroMQ's poller: that poller reports a plain channel (such as a
 * wake-up pipe) as readable again after every other event once it has been readable, so a
 * thread polling both spins through hundreds of empty polls per request. A socket's
 * command channel only says "look at the socket", like libzmq's {@code ZMQ_FD}: every
 * send or receive may take in the socket's pending commands, so after touching a socket
 * the thread asks it for its events ({@code ZMQ_EVENTS}) before sleeping.
 * <p>
 * Requests go out on a DEALER socket as {@code [correlation id][empty][payload...]},
 * which any REP socket (or a ROUTER/DEALER broker in front of one) answers with the same
 * envelope; that is how concurrent callers each get their own reply and how a late reply
 * is recognised and dropped. A request whose attempt timed out with retries left goes out
 * again on a fresh socket (Lazy Pirate); the replaced socket stays polled, as
 * <em>retiring</em>, until the requests still sent on it are answered or expire.
 * <p>
 * Publishing uses an XPUB socket (same wire format as PUB) whose subscription messages
 * are read here, so the template knows which topics have subscribers.
 */
final class TemplateSocketOwner implements Runnable {

	private static final Log logger = LogFactory.getLog(TemplateSocketOwner.class);

	private static final byte[] EMPTY = new byte[0];

	/** How long the thread stays awake after work that usually has a follow-up. */
	private static final long SPIN_NANOS = TimeUnit.MICROSECONDS.toNanos(50);

	private static final int NOTHING = 0;

	private static final int COMMANDS = 1;

	private static final int SOCKETS = 2;

	private final LogRateLimiter invalidReplyLog = new LogRateLimiter();

	private final ZmqSocketFactory socketFactory;

	private final ConcurrentLinkedQueue<Object> commands = new ConcurrentLinkedQueue<>();

	private final AtomicBoolean sleeping = new AtomicBoolean();

	private final Selector selector;

	private final Thread thread;

	private volatile boolean closeRequested;

	/** Set by JeroMQ's I/O thread when a gated socket gained or lost a connection. */
	private volatile boolean connectionsChanged;

	// state below is confined to the I/O thread

	private final List<OutboundChannel> channels = new ArrayList<>();

	private final Map<Integer, PendingRequest> pending = new HashMap<>();

	private final PriorityQueue<PendingRequest> deadlines = new PriorityQueue<>(
			Comparator.comparingLong((PendingRequest request) -> request.deadlineNanos));

	private boolean retiringToCheck;

	/** Whether this pass did work that callers usually follow up at once. */
	private boolean moreExpected;

	private int nextCorrelationId;

	TemplateSocketOwner(ZmqSocketFactory socketFactory, String threadName) {
		this.socketFactory = socketFactory;
		try {
			this.selector = Selector.open();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot open the template's selector", ex);
		}
		this.thread = new Thread(this, threadName);
		// the template alone must not keep the JVM alive; the context's shutdown closes
		// it
		this.thread.setDaemon(true);
		this.thread.start();
	}

	void submit(Object command) {
		if (this.closeRequested) {
			throw new ZmqSendException("ZmqTemplate is closed");
		}
		this.commands.offer(command);
		wake();
	}

	private void wake() {
		if (this.sleeping.get() && this.sleeping.compareAndSet(true, false)) {
			this.selector.wakeup();
		}
	}

	/**
	 * Called on JeroMQ's I/O thread when a gated socket of the channel gained or lost a
	 * ready connection.
	 */
	private void onConnectionsChanged(OutboundChannel channel) {
		// a push must not take the fast path until the I/O thread has looked again
		channel.accepting = false;
		this.connectionsChanged = true;
		wake();
	}

	/**
	 * Flush what callers queued, close the sockets on the I/O thread and wait for it.
	 * @param timeout how long to wait for the thread
	 * @return whether the thread ended in time
	 */
	boolean close(Duration timeout) {
		this.closeRequested = true;
		this.sleeping.set(true);
		wake();
		try {
			this.thread.join(Math.max(1, timeout.toMillis()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return !this.thread.isAlive();
	}

	@Override
	public void run() {
		try {
			loop();
		}
		catch (ZMQException ex) {
			if (ex.getErrorCode() != zmq.ZError.ETERM) {
				logger.error("Template I/O thread failed", ex);
			}
		}
		catch (IOException | RuntimeException | Error ex) {
			logger.error("Template I/O thread failed", ex);
		}
		finally {
			shutdown();
		}
	}

	private void loop() throws IOException {
		boolean signaled = false;
		while (true) {
			this.moreExpected = false;
			runCommands();
			if (this.closeRequested && this.commands.isEmpty()) {
				return;
			}
			if (this.connectionsChanged) {
				this.connectionsChanged = false;
				refreshConnections();
			}
			long waitMillis = expireRequests();
			if (this.retiringToCheck) {
				closeIdleRetiringSockets();
			}
			boolean progress = serviceSockets();
			if (this.moreExpected && (!signaled || progress)) {
				int found = awaitWorkBriefly();
				if (found != NOTHING) {
					signaled = found == SOCKETS;
					continue;
				}
			}
			this.sleeping.set(true);
			if (!this.commands.isEmpty() || this.closeRequested || this.connectionsChanged) {
				this.sleeping.set(false);
				continue;
			}
			if (signaled && !progress) {
				// JeroMQ 0.6.0 writes a command's wake-up byte before it counts it, and
				// a socket takes in only the bytes it has counted: a thread woken in
				// between sees the channel readable and nothing to do, and would spin
				// until the writer runs again, which on a busy core may take a time
				// slice. Let it run.
				Thread.yield();
			}
			// 0 means no deadline to wake for
			signaled = this.selector.select(Math.max(0, waitMillis)) > 0;
			this.sleeping.set(false);
			markSelected();
		}
	}

	/**
	 * Stay awake a few microseconds for the work that usually follows: the next message
	 * of a caller that publishes or pushes in a loop, or the next request of a caller
	 * that was just given its reply. Going to sleep would cost that caller a wake-up call
	 * and this thread a wake-up, more than the wait. Never longer than
	 * {@link #SPIN_NANOS} after the last piece of work, so an idle template sleeps.
	 * @return what was found
	 */
	private int awaitWorkBriefly() throws IOException {
		long deadline = System.nanoTime() + SPIN_NANOS;
		do {
			if (!this.commands.isEmpty() || this.closeRequested || this.connectionsChanged) {
				return COMMANDS;
			}
			if (this.selector.selectNow() > 0) {
				markSelected();
				return SOCKETS;
			}
			Thread.onSpinWait();
		}
		while (System.nanoTime() - deadline < 0);
		return NOTHING;
	}

	private void markSelected() {
		for (SelectionKey key : this.selector.selectedKeys()) {
			((TemplateSocket) key.attachment()).signaled = true;
		}
		this.selector.selectedKeys().clear();
	}

	private void runCommands() {
		Object command;
		while ((command = this.commands.poll()) != null) {
			try {
				if (command instanceof PendingRequest request) {
					startRequest(request);
				}
				else if (command instanceof Send send) {
					this.moreExpected = true;
					enqueueOrSend(send.channel, send);
				}
				else {
					socketsFor(((Open) command).channel());
				}
			}
			catch (RuntimeException ex) {
				if (ex instanceof ZMQException zmqException && zmqException.getErrorCode() == zmq.ZError.ETERM) {
					throw ex;
				}
				fail(command, ex);
			}
		}
	}

	private void fail(Object command, RuntimeException ex) {
		if (command instanceof PendingRequest request) {
			this.pending.remove(request.correlationId);
			this.deadlines.remove(request);
			request.future.completeExceptionally(ex);
		}
		else if (command instanceof Send send) {
			if (send.claim()) {
				send.channel.permits.release();
				send.handed.completeExceptionally(ex);
			}
			if (send.channel.opened.isCompletedExceptionally()) {
				// the caller waiting for the socket to open gets this failure as an
				// exception
				logger.debug("Could not open " + send.channel.describe(), ex);
			}
			else {
				logger.error("Could not send a message on " + send.channel.describe(), ex);
			}
		}
		else {
			logger.debug("Could not open " + ((Open) command).channel().describe(), ex);
		}
	}

	private void startRequest(PendingRequest request) {
		request.correlationId = this.nextCorrelationId++;
		this.pending.put(request.correlationId, request);
		this.deadlines.add(request);
		enqueueOrSend(request.channel, request);
	}

	private void enqueueOrSend(OutboundChannel channel, Object message) {
		socketsFor(channel);
		if (!channel.backlog.isEmpty() || !dispatch(channel, message)) {
			addToBacklog(channel, message);
		}
		else if (message instanceof Send) {
			channel.accepting = true;
		}
	}

	private void addToBacklog(OutboundChannel channel, Object message) {
		channel.backlog.add(message);
		channel.accepting = false;
		if (message instanceof PendingRequest request) {
			request.queued = true;
		}
	}

	/**
	 * Hand a message to one of the channel's ready sockets.
	 * @return {@code true} if it is done with (sent, or given up by its caller)
	 */
	private boolean dispatch(OutboundChannel channel, Object message) {
		if (message instanceof Send send) {
			if (!send.claim()) {
				// the caller stopped waiting and was told the message was not sent
				return true;
			}
			if (sendToAny(channel, send.frames) == null) {
				send.unclaim();
				return false;
			}
			channel.counters.sent(send.frames);
			if (channel.type == SocketType.PUB && !hasSubscriberFor(channel, send.frames.frame(0))) {
				channel.unrouted.incrementAndGet();
			}
			channel.permits.release();
			send.handed.complete(null);
			return true;
		}
		PendingRequest request = (PendingRequest) message;
		TemplateSocket socket = sendToAny(channel, request);
		if (socket == null) {
			return false;
		}
		request.sentOn = socket;
		socket.inFlight++;
		channel.counters.sent(request.frames);
		return true;
	}

	private @Nullable TemplateSocket sendToAny(OutboundChannel channel, Object message) {
		List<TemplateSocket> sockets = channel.sockets;
		int count = sockets.size();
		for (int i = 0; i < count; i++) {
			int index = (channel.next + i) % count;
			TemplateSocket socket = sockets.get(index);
			if (socket.ready() && trySend(socket, message)) {
				channel.next = index + 1;
				return socket;
			}
		}
		return null;
	}

	private boolean trySend(TemplateSocket target, Object message) {
		// sending takes in the socket's pending commands, maybe a reply's wake-up: look
		// at
		// it again before sleeping
		target.touched = true;
		ZMQ.Socket socket = target.socket;
		if (message instanceof PendingRequest request) {
			if (!socket.send(correlationFrame(request.correlationId), ZMQ.SNDMORE | ZMQ.DONTWAIT)) {
				return false;
			}
			socket.send(EMPTY, ZMQ.SNDMORE | ZMQ.DONTWAIT);
			sendFrames(socket, request.frames, 0);
			return true;
		}
		ZmqFrames frames = (ZmqFrames) message;
		int last = frames.size() - 1;
		if (!socket.send(frames.frame(0), ZMQ.DONTWAIT | ((last > 0) ? ZMQ.SNDMORE : 0))) {
			return false;
		}
		if (last > 0) {
			sendFrames(socket, frames, 1);
		}
		return true;
	}

	private static void sendFrames(ZMQ.Socket socket, ZmqFrames frames, int from) {
		// once the first frame is accepted the rest of the message is too (multipart is
		// atomic)
		int last = frames.size() - 1;
		for (int i = from; i <= last; i++) {
			socket.send(frames.frame(i), ZMQ.DONTWAIT | ((i < last) ? ZMQ.SNDMORE : 0));
		}
	}

	private static boolean hasSubscriberFor(OutboundChannel channel, byte[] topic) {
		for (String subscription : channel.subscriptions.keySet()) {
			if (startsWith(topic, subscription)) {
				return true;
			}
		}
		return false;
	}

	static boolean startsWith(byte[] topic, String prefix) {
		int length = prefix.length();
		if (topic.length < length) {
			return false;
		}
		for (int i = 0; i < length; i++) {
			if (topic[i] != (byte) prefix.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	private void socketsFor(OutboundChannel channel) {
		if (channel.isOpen()) {
			return;
		}
		boolean gated = gated(channel);
		int slots = gated ? channel.endpoint.addresses().size() : 1;
		try {
			for (int slot = 0; slot < slots; slot++) {
				channel.sockets.add(openSocket(channel, slot, gated));
			}
		}
		catch (RuntimeException ex) {
			for (TemplateSocket socket : channel.sockets) {
				closeQuietly(channel, socket);
			}
			channel.sockets.clear();
			channel.opened.completeExceptionally(ex);
			throw ex;
		}
		channel.opened.complete(null);
		this.channels.add(channel);
	}

	/**
	 * Whether the channel gets one gated socket per address: connecting DEALER and PUSH
	 * sockets over tcp or ipc (inproc has no handshake to wait for).
	 */
	private static boolean gated(OutboundChannel channel) {
		return (channel.type == SocketType.DEALER || channel.type == SocketType.PUSH) && channel.endpoint.addresses()
			.stream()
			.noneMatch((address) -> address.bind() || "inproc".equals(address.transport()));
	}

	private TemplateSocket openSocket(OutboundChannel channel, int slot, boolean gated) {
		ZmqEndpoint target = gated ? new ZmqEndpoint(channel.endpoint.name(),
				List.of(channel.endpoint.addresses().get(slot)), channel.endpoint.options()) : channel.endpoint;
		SocketType socketType = (channel.type == SocketType.PUB) ? SocketType.XPUB : channel.type;
		TemplateSocket[] created = new TemplateSocket[1];
		ZmqSocketOwner owner = ZmqSocketOwner.template(channel.endpoint.name(),
				"ZmqTemplate " + channel.type + " socket for endpoint '" + channel.endpoint.name() + "'");
		ZMQ.Socket socket = this.socketFactory.open(socketType, target, owner,
				(bound) -> logger.info("ZmqTemplate " + channel.type + " socket bound " + bound), (raw) -> {
					if (socketType == SocketType.XPUB) {
						// every subscribe message reaches the template, not only the
						// first per topic
						raw.setXpubVerbose(true);
					}
					created[0] = gated ? TemplateSocket.gated(raw, slot, () -> onConnectionsChanged(channel))
							: TemplateSocket.ungated(raw, slot);
				}, (event) -> {
					TemplateSocket opened = created[0];
					if (opened != null) {
						opened.onEvent(event);
					}
				});
		TemplateSocket opened = created[0];
		try {
			opened.key = socket.getFD().register(this.selector, SelectionKey.OP_READ, opened);
		}
		catch (ClosedChannelException ex) {
			socket.close();
			throw new ZmqSendException("Could not watch " + channel.describe() + ": its socket is closed");
		}
		// a fresh socket may already hold commands, and its channel signals only new ones
		opened.signaled = true;
		return opened;
	}

	private void refreshConnections() {
		for (OutboundChannel channel : this.channels) {
			if (!channel.sockets.isEmpty() && channel.sockets.get(0).gated) {
				if (!channel.backlog.isEmpty()) {
					flushBacklog(channel);
				}
				else {
					channel.accepting = channel.anyReady();
				}
			}
		}
	}

	/**
	 * Read what the sockets received and write backlogs where sockets accept more, until
	 * a pass over the sockets that were signalled, sent on, or hold a backlog makes no
	 * progress. Only then may the thread sleep: a socket signals new commands only, and
	 * the ones already taken in by a send or receive are seen through its events.
	 * @return whether any message was read or sent
	 */
	private boolean serviceSockets() {
		boolean any = false;
		boolean progress;
		do {
			progress = false;
			for (OutboundChannel channel : this.channels) {
				// replies to earlier attempts first: they were sent first
				for (TemplateSocket socket : channel.retiring) {
					if (socket.signaled || socket.touched) {
						progress |= service(channel, socket, false);
					}
				}
				boolean backlog = !channel.backlog.isEmpty();
				for (TemplateSocket socket : channel.sockets) {
					if (socket.signaled || socket.touched || backlog) {
						progress |= service(channel, socket, backlog);
					}
				}
			}
			any |= progress;
		}
		while (progress);
		return any;
	}

	private boolean service(OutboundChannel channel, TemplateSocket socket, boolean backlog) {
		socket.signaled = false;
		socket.touched = false;
		int events = socket.socket.getEvents();
		boolean progress = false;
		if ((events & ZMQ.Poller.POLLIN) != 0) {
			read(channel, socket);
			progress = true;
		}
		if (backlog && (events & ZMQ.Poller.POLLOUT) != 0 && socket.ready()) {
			progress |= flushBacklog(channel);
		}
		return progress;
	}

	/**
	 * Send the channel's backlog in order while its sockets take it.
	 * @return whether anything left the backlog
	 */
	private boolean flushBacklog(OutboundChannel channel) {
		Object message;
		boolean progress = false;
		while ((message = channel.backlog.peek()) != null) {
			if (!dispatch(channel, message)) {
				return progress;
			}
			progress = true;
			channel.backlog.poll();
			if (message instanceof PendingRequest request) {
				request.queued = false;
			}
		}
		channel.accepting = channel.anyReady();
		return progress;
	}

	private void read(OutboundChannel channel, TemplateSocket socket) {
		if (channel.type == SocketType.PUB) {
			readSubscriptions(channel, socket.socket);
		}
		else {
			readReplies(channel, socket.socket);
		}
	}

	private void readReplies(OutboundChannel channel, ZMQ.Socket socket) {
		byte[] first;
		while ((first = socket.recv(ZMQ.DONTWAIT)) != null) {
			List<byte[]> frames = new ArrayList<>(3);
			frames.add(first);
			while (socket.hasReceiveMore()) {
				frames.add(socket.recv(0));
			}
			completeReply(channel, frames);
		}
	}

	private void readSubscriptions(OutboundChannel channel, ZMQ.Socket socket) {
		byte[] message;
		boolean changed = false;
		while ((message = socket.recv(ZMQ.DONTWAIT)) != null) {
			boolean single = !socket.hasReceiveMore();
			while (socket.hasReceiveMore()) {
				socket.recv(0);
			}
			if (!single || message.length == 0 || message[0] > 1) {
				// not a subscription (an XSUB peer may send other messages upstream)
				continue;
			}
			String topic = new String(message, 1, message.length - 1, java.nio.charset.StandardCharsets.ISO_8859_1);
			if (message[0] == 1) {
				channel.subscriptions.merge(topic, 1, Integer::sum);
			}
			else {
				// XPUB passes an unsubscription only when the topic's last
				// subscriber left
				channel.subscriptions.remove(topic);
			}
			changed = true;
		}
		if (changed) {
			synchronized (channel.subscriptionMonitor) {
				channel.subscriptionMonitor.notifyAll();
			}
		}
	}

	private void completeReply(OutboundChannel channel, List<byte[]> frames) {
		if (frames.size() < 3 || frames.get(0).length != 4 || frames.get(1).length != 0) {
			// a misbehaving server sends these at its own pace: at most one line per
			// interval
			this.invalidReplyLog.warn(logger, channel.describe(), () -> "Discarding a reply of " + frames.size()
					+ " frame(s) without a valid envelope on " + channel.describe(), null);
			return;
		}
		PendingRequest request = this.pending.remove(ByteBuffer.wrap(frames.get(0)).getInt());
		if (request == null) {
			if (logger.isDebugEnabled()) {
				logger.debug("Discarding a late reply on " + channel.describe());
			}
			return;
		}
		this.deadlines.remove(request);
		forget(request);
		request.channel.counters.replyReceived(frames, 2);
		this.moreExpected = true;
		request.future.complete(ZmqFrames.of(frames.subList(2, frames.size())));
	}

	/**
	 * Detach a request from the socket it went out on and from the backlog.
	 */
	private void forget(PendingRequest request) {
		release(request.sentOn);
		request.sentOn = null;
		release(request.earlierOn);
		request.earlierOn = null;
		if (request.queued) {
			request.queued = false;
			request.channel.backlog.remove(request);
		}
	}

	private void release(@Nullable TemplateSocket socket) {
		if (socket != null) {
			socket.inFlight--;
			if (socket.retiring) {
				this.retiringToCheck = true;
			}
		}
	}

	/**
	 * Retry or fail the requests whose attempt is over.
	 * @return milliseconds until the next deadline, or -1 for none
	 */
	private long expireRequests() {
		PendingRequest next;
		long now = System.nanoTime();
		while ((next = this.deadlines.peek()) != null && next.deadlineNanos - now <= 0) {
			this.deadlines.poll();
			if (next.attempt < next.maxAttempts) {
				retry(next, now);
			}
			else {
				this.pending.remove(next.correlationId);
				forget(next);
				next.channel.counters.timedOut();
				next.future.completeExceptionally(
						new ZmqRequestTimeoutException(next.channel.endpoint.name(), next.timeout, next.attempt));
			}
		}
		return (next != null) ? Math.max(1, TimeUnit.NANOSECONDS.toMillis(next.deadlineNanos - now) + 1) : -1;
	}

	private void retry(PendingRequest request, long now) {
		OutboundChannel channel = request.channel;
		TemplateSocket sentOn = request.sentOn;
		request.attempt++;
		channel.counters.retried();
		request.deadlineNanos = now + request.timeout.toNanos();
		this.deadlines.add(request);
		if (request.queued) {
			// never sent (no ready connection): it keeps its place in the backlog
			return;
		}
		// the previous attempt's socket stays counted, so it stays polled for a late
		// reply that would complete this request too
		release(request.earlierOn);
		request.earlierOn = sentOn;
		request.sentOn = null;
		if (sentOn != null && !sentOn.retiring && !channel.endpoint.binds()) {
			replaceSocket(channel, sentOn);
		}
		if (logger.isDebugEnabled()) {
			logger.debug("Retrying request " + request.correlationId + " (attempt " + request.attempt + " of "
					+ request.maxAttempts + ") on " + channel.describe());
		}
		enqueueOrSend(channel, request);
	}

	/**
	 * Give a slot a fresh socket (new connections), keeping the old one polled until the
	 * requests still sent on it are answered or expire.
	 */
	private void replaceSocket(OutboundChannel channel, TemplateSocket old) {
		TemplateSocket fresh;
		try {
			fresh = openSocket(channel, old.slot, old.gated);
		}
		catch (RuntimeException ex) {
			logger.warn("Could not open a fresh socket for " + channel.describe() + "; retrying on the current one",
					ex);
			return;
		}
		channel.sockets.set(old.slot, fresh);
		old.retiring = true;
		old.socket.setLinger(0);
		TemplateSocket previous = channel.retiringFor(old.slot);
		if (previous != null) {
			// at most one retiring socket per address: its requests just wait for their
			// own deadline
			channel.retiring.remove(previous);
			closeQuietly(channel, previous);
		}
		channel.retiring.add(old);
		this.retiringToCheck = true;
	}

	private void closeIdleRetiringSockets() {
		this.retiringToCheck = false;
		for (OutboundChannel channel : this.channels) {
			channel.retiring.removeIf((socket) -> socket.inFlight <= 0 && closeQuietly(channel, socket));
		}
	}

	private static boolean closeQuietly(OutboundChannel channel, TemplateSocket socket) {
		if (socket.key != null) {
			socket.key.cancel();
		}
		try {
			// close(), not destroySocket(): keeps the socket's linger so queued
			// messages are flushed
			socket.socket.close();
		}
		catch (RuntimeException ex) {
			logger.debug("Could not close " + channel.describe(), ex);
		}
		return true;
	}

	private void shutdown() {
		this.closeRequested = true;
		ZmqSendException closed = new ZmqSendException("ZmqTemplate closed before the reply arrived");
		for (PendingRequest request : this.pending.values()) {
			request.future.completeExceptionally(closed);
		}
		this.pending.clear();
		Object command;
		while ((command = this.commands.poll()) != null) {
			if (command instanceof PendingRequest request) {
				request.future.completeExceptionally(closed);
			}
			else if (command instanceof Send send && send.claim()) {
				send.handed.completeExceptionally(new ZmqSendException("ZmqTemplate is closed"));
			}
		}
		for (OutboundChannel channel : this.channels) {
			long dropped = 0;
			for (Object message : channel.backlog) {
				if (message instanceof Send send && send.claim()) {
					send.handed.completeExceptionally(new ZmqSendException("ZmqTemplate closed before a peer "
							+ "accepted the message on " + channel.describe() + "; the message was not sent"));
					dropped++;
				}
			}
			if (dropped > 0) {
				logger.warn("Dropping " + dropped + " message(s) that no peer accepted on " + channel.describe());
			}
			for (TemplateSocket socket : channel.sockets) {
				closeQuietly(channel, socket);
			}
			for (TemplateSocket socket : channel.retiring) {
				closeQuietly(channel, socket);
			}
		}
		try {
			this.selector.close();
		}
		catch (IOException ex) {
			logger.debug("Could not close the template's selector", ex);
		}
	}

	private static byte[] correlationFrame(int id) {
		return new byte[] { (byte) (id >>> 24), (byte) (id >>> 16), (byte) (id >>> 8), (byte) id };
	}

	/**
	 * Open a channel's sockets without sending anything (subscribers may then connect).
	 *
	 * @param channel the channel
	 */
	record Open(OutboundChannel channel) {
	}

	/**
	 * A one-way message (publish or push) for a channel. The I/O thread claims it before
	 * handing it to a socket; a caller that stops waiting cancels it first, so a message
	 * is either sent or reported as not sent, never both.
	 */
	static final class Send {

		private static final int WAITING = 0;

		private static final int CLAIMED = 1;

		private static final int DONE = 2;

		final OutboundChannel channel;

		final ZmqFrames frames;

		/** Completes once a socket took the message. */
		final CompletableFuture<Void> handed = new CompletableFuture<>();

		private final AtomicInteger state = new AtomicInteger(WAITING);

		Send(OutboundChannel channel, ZmqFrames frames) {
			this.channel = channel;
			this.frames = frames;
		}

		boolean claim() {
			return this.state.compareAndSet(WAITING, CLAIMED);
		}

		void unclaim() {
			this.state.set(WAITING);
		}

		/**
		 * Give up on the message from the caller's side.
		 * @return {@code true} if it will never be sent; {@code false} if the I/O thread
		 * holds it right now (try again) or has sent it
		 */
		boolean cancel() {
			return this.state.compareAndSet(WAITING, DONE);
		}

	}

}
