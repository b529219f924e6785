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

package io.github.zmqspring.convert;

import java.util.Arrays;
import java.util.List;

import org.zeromq.ZFrame;
import org.zeromq.ZMsg;

/**
 * An immutable view of the frames of one ZeroMQ message, as received or about to be sent.
 * The frame arrays are shared, not copied: treat them as read-only.
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
public final class ZmqFrames {

	private static final byte[] EMPTY_FRAME = new byte[0];

	private final byte[][] frames;

	private ZmqFrames(byte[][] frames) {
		this.frames = frames;
	}

	/**
	 * Create frames from arrays (not copied).
	 * @param frames the frames
	 * @return the frames
	 */
	public static ZmqFrames of(byte[]... frames) {
		return new ZmqFrames(frames);
	}

	/**
	 * Create frames from a list (the arrays are not copied).
	 * @param frames the frames
	 * @return the frames
	 */
	public static ZmqFrames of(List<byte[]> frames) {
		return new ZmqFrames(frames.toArray(new byte[0][]));
	}

	/**
	 * Create frames from a {@link ZMsg}, which is left unchanged.
	 * @param msg the message
	 * @return its frames
	 */
	public static ZmqFrames of(ZMsg msg) {
		byte[][] frames = new byte[msg.size()][];
		int i = 0;
		for (ZFrame frame : msg) {
			frames[i++] = frame.getData();
		}
		return new ZmqFrames(frames);
	}

	/**
	 * Return a message of one empty frame.
	 * @return one empty frame
	 */
	public static ZmqFrames empty() {
		return new ZmqFrames(new byte[][] { EMPTY_FRAME });
	}

	/**
	 * Return the number of frames.
	 * @return the frame count
	 */
	public int size() {
		return this.frames.length;
	}

	/**
	 * Return one frame.
	 * @param index the frame index
	 * @return the frame bytes
	 */
	public byte[] frame(int index) {
		return this.frames[index];
	}

	/**
	 * Return the frames from {@code from} to the end.
	 * @param from the first frame to keep
	 * @return the remaining frames
	 */
	public ZmqFrames from(int from) {
		return (from == 0) ? this : new ZmqFrames(Arrays.copyOfRange(this.frames, from, this.frames.length));
	}

	/**
	 * Return new frames with {@code first} in front of these.
	 * @param first the frame to put first
	 * @return the combined frames
	 */
	public ZmqFrames prepend(byte[] first) {
		byte[][] all = new byte[this.frames.length + 1][];
		all[0] = first;
		System.arraycopy(this.frames, 0, all, 1, this.frames.length);
		return new ZmqFrames(all);
	}

	/**
	 * Return the total number of payload bytes.
	 * @return the byte count
	 */
	public long byteCount() {
		long total = 0;
		for (byte[] frame : this.frames) {
			total += frame.length;
		}
		return total;
	}

	/**
	 * Copy these frames into a new {@link ZMsg}.
	 * @return a new message
	 */
	public ZMsg toZMsg() {
		ZMsg msg = new ZMsg();
		for (byte[] frame : this.frames) {
			msg.add(frame);
		}
		return msg;
	}

	@Override
	public String toString() {
		return "ZmqFrames[" + this.frames.length + " frame(s), " + byteCount() + " bytes]";
	}

}
