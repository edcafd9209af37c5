const customers = [
  { name: 'Haruki Mori', cardNumber: '4539763729746235' },
];
