// Our producers compress batches with lz4 (Kafka's LZ4 frame format); kafkajs reads only gzip by
// itself. This codec, in pure JavaScript (lz4js, no native build), lets kafkajs read and write lz4.
import kafkajs from 'kafkajs';
import lz4 from 'lz4js';

const { CompressionCodecs, CompressionTypes } = kafkajs;

const codec = () => ({
  async compress(encoder) {
    return Buffer.from(lz4.compress(encoder.buffer));
  },
  async decompress(buffer) {
    return Buffer.from(lz4.decompress(buffer));
  },
});

export function registerLz4() {
  CompressionCodecs[CompressionTypes.LZ4] = codec;
}
