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

/**
 * A message had a number of frames the target type cannot take.
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
public class ZmqFrameCountException extends ZmqConversionException {

	private final int frameCount;

	public ZmqFrameCountException(String message, int frameCount) {
		super(message);
		this.frameCount = frameCount;
	}

	/**
	 * Return the number of frames the message had.
	 * @return the frame count
	 */
	public int getFrameCount() {
		return this.frameCount;
	}

}
